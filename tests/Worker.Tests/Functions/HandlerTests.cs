using System.Text.Json.Nodes;
using Choreo.Contracts;
using Worker.Tests.Functions.Fakes;

namespace Worker.Tests.Functions;

public sealed class HandlerTests
{
    private readonly WorkerHarness _worker = new();

    private static string GetUsers(JsonObject? options = null)
    {
        var detail = WorkerHarness.TaskDetail("GetUsers");
        if (options is not null)
        {
            detail["options"] = options;
        }
        return WorkerHarness.Event(DetailTypes.GetUsers, Sources.Orchestrator, detail);
    }

    private static string GetUserProfile(string name, int index)
    {
        var detail = WorkerHarness.TaskDetail("GetUserProfile");
        detail["name"] = name;
        detail["index"] = index;
        return WorkerHarness.Event(DetailTypes.GetUserProfile, Sources.Orchestrator, detail);
    }

    private static string GetUserCookies(string name, int index, string profileUrl)
    {
        var detail = WorkerHarness.TaskDetail("GetUserProfile");
        detail["name"] = name;
        detail["index"] = index;
        detail["profile"] = profileUrl;
        return WorkerHarness.Event(DetailTypes.GetUserCookies, Sources.Worker, detail);
    }

    private static string GenerateReport(params string[] names)
    {
        var detail = WorkerHarness.TaskDetail("GenerateReport");
        detail["names"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray());
        return WorkerHarness.Event(DetailTypes.GenerateReport, Sources.Orchestrator, detail);
    }

    [Fact]
    public async Task GetMultiple_with_a_seed_answers_done_with_the_same_names_every_time()
    {
        await _worker.InvokeAsync(_worker.GetMultiple(), GetUsers(new JsonObject { ["people"] = 3, ["seed"] = 42 }));

        var (detailType, detail) = _worker.SingleEvent();
        Assert.Equal(DetailTypes.Done, detailType);
        Assert.Equal(WorkerHarness.Token, (string?)detail["TaskToken"]);
        Assert.Equal(WorkerHarness.Execution, (string?)detail["execution"]);
        Assert.Equal("""["Marcel Connelly","Brain Ledner","Cathryn Gislason"]""", detail["names"]!.ToJsonString());
    }

    [Fact]
    public async Task GetMultiple_without_options_makes_0_to_19_names()
    {
        await _worker.InvokeAsync(_worker.GetMultiple(), GetUsers());

        var (_, detail) = _worker.SingleEvent();
        Assert.InRange(detail["names"]!.AsArray().Count, 0, 19);
    }

    [Fact]
    public async Task Every_outgoing_detail_carries_the_meta_tracing_block()
    {
        await _worker.InvokeAsync(_worker.GetMultiple(), GetUsers(new JsonObject { ["people"] = 1 }));

        var (_, detail) = _worker.SingleEvent();
        Assert.Equal(
            """{"account":"111111111111","source":"choreo.orchestrator","detailType":"getUsers","outgoingDetailType":"done","fn":"worker-fn","execution":"arn:aws:states:us-east-1:111111111111:execution:MainStateMachine:job-42","stateMachine":"MainStateMachine","job":"job-42"}""",
            detail["meta"]!.ToJsonString());
    }

    [Fact]
    public async Task ProcessSingle_writes_the_profile_by_item_index_and_passes_a_15_minute_presigned_url_on()
    {
        await _worker.InvokeAsync(_worker.ProcessSingle(), GetUserProfile("Mae Heller", 3));

        var key = $"{WorkerHarness.Execution}/basic-3.json";
        Assert.Equal(
            """
            {
              "name": "Mae Heller",
              "company": "Reichel - Brakus",
              "city": "South Rogelio"
            }
            """.ReplaceLineEndings("\n"),
            _worker.Store.Objects[key].ReplaceLineEndings("\n"));
        var (detailType, detail) = _worker.SingleEvent();
        Assert.Equal(DetailTypes.GetUserCookies, detailType);
        Assert.Equal(WorkerHarness.Token, (string?)detail["TaskToken"]);
        Assert.Equal(3, (int?)detail["index"]);
        Assert.Equal("Mae Heller", (string?)detail["name"]);
        Assert.Equal($"http://127.0.0.1:4566/{InMemoryObjectStore.Bucket}/{key}?X-Amz-Expires=900&X-Amz-Signature=test", (string?)detail["profile"]);
        Assert.Equal(DetailTypes.GetUserCookies, (string?)detail["meta"]!["outgoingDetailType"]);
    }

    [Fact]
    public async Task Names_that_repeat_get_one_file_per_item()
    {
        await _worker.InvokeAsync(_worker.ProcessSingle(), GetUserProfile("Alan Gibson", 0));
        await _worker.InvokeAsync(_worker.ProcessSingle(), GetUserProfile("Alan Gibson", 1));

        Assert.Equal(2, _worker.Store.Objects.Count);
    }

    [Fact]
    public async Task PostProcessSingle_adds_the_cookies_writes_the_final_file_and_answers_done()
    {
        await _worker.InvokeAsync(_worker.ProcessSingle(), GetUserProfile("Mae Heller", 3));
        var url = (string)_worker.SingleEvent().Detail["profile"]!;
        _worker.Published.Events.Clear();

        await _worker.InvokeAsync(_worker.PostProcessSingle(), GetUserCookies("Mae Heller", 3, url));

        Assert.Equal(
            """
            {
              "name": "Mae Heller",
              "company": "Reichel - Brakus",
              "city": "South Rogelio",
              "numberOfCookiesConsumed": 1
            }
            """.ReplaceLineEndings("\n"),
            _worker.Store.Objects[$"{WorkerHarness.Execution}/final-3.json"].ReplaceLineEndings("\n"));
        var (detailType, detail) = _worker.SingleEvent();
        Assert.Equal(DetailTypes.Done, detailType);
        Assert.Equal("Mae Heller", (string?)detail["processed"]);
        Assert.Equal(3, (int?)detail["index"]);
    }

    [Fact]
    public async Task SideEffect_reads_the_profile_by_url_and_announces_async_done_without_writing()
    {
        await _worker.InvokeAsync(_worker.ProcessSingle(), GetUserProfile("Mae Heller", 3));
        var url = (string)_worker.SingleEvent().Detail["profile"]!;
        _worker.Published.Events.Clear();
        var filesBefore = _worker.Store.Objects.Count;

        await _worker.InvokeAsync(_worker.SideEffect(), GetUserCookies("Mae Heller", 3, url));

        Assert.Equal(filesBefore, _worker.Store.Objects.Count);
        Assert.Equal(url, Assert.Single(_worker.Fetcher.Fetched).OriginalString);
        var (detailType, detail) = _worker.SingleEvent();
        Assert.Equal(DetailTypes.AsyncDone, detailType);
        Assert.Equal("Mae Heller", (string?)detail["processed"]);
        Assert.Null(detail["TaskToken"]);
    }

    [Fact]
    public async Task PostProcessAll_sums_every_final_file_writes_the_report_and_answers_the_totals()
    {
        _worker.Store.Objects[$"{WorkerHarness.Execution}/final-0.json"] = """{"name":"Ann","company":"A","city":"X","numberOfCookiesConsumed":4}""";
        _worker.Store.Objects[$"{WorkerHarness.Execution}/final-1.json"] = """{"name":"Ann","company":"B","city":"Y","numberOfCookiesConsumed":7}""";

        await _worker.InvokeAsync(_worker.PostProcessAll(), GenerateReport("Ann", "Ann"));

        var reportKey = $"{WorkerHarness.Execution}/0-cookies.json";
        Assert.Equal(
            """
            {
              "names": [
                "Ann",
                "Ann"
              ],
              "numberOfPeople": 2,
              "totalCookiesConsumed": 11
            }
            """.ReplaceLineEndings("\n"),
            _worker.Store.Objects[reportKey].ReplaceLineEndings("\n"));
        var (detailType, detail) = _worker.SingleEvent();
        Assert.Equal(DetailTypes.Done, detailType);
        Assert.Equal(2, (int?)detail["numberOfPeople"]);
        Assert.Equal(11, (int?)detail["totalCookiesConsumed"]);
        Assert.Equal(reportKey, (string?)detail["report"]);
    }
}
