using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Worker.Tests.Functions.Fakes;

namespace Worker.Tests.Functions;

public sealed class FailureTests
{
    private readonly WorkerHarness _worker = new();

    private static string GetUserCookies(int index = 7)
    {
        var detail = WorkerHarness.TaskDetail("GetUserProfile");
        detail["name"] = "Mae Heller";
        detail["index"] = index;
        detail["profile"] = $"http://127.0.0.1:4566/{InMemoryObjectStore.Bucket}/{WorkerHarness.Execution}/basic-{index}.json?X-Amz-Signature=x";
        return WorkerHarness.Event(DetailTypes.GetUserCookies, Sources.Worker, detail);
    }

    [Fact]
    public async Task Malformed_detail_fails_the_task_with_InvalidInput_naming_the_field()
    {
        var detail = WorkerHarness.TaskDetail("GetUserProfile");
        detail["name"] = "Mae Heller";
        detail["index"] = -1;

        await _worker.InvokeAsync(_worker.ProcessSingle(), WorkerHarness.Event(DetailTypes.GetUserProfile, Sources.Orchestrator, detail));

        var failed = _worker.SingleFailed();
        Assert.Equal("Worker.InvalidInput", failed.Error);
        Assert.Equal(WorkerHarness.Token, failed.TaskToken);
        Assert.Equal(WorkerHarness.Execution, failed.Execution);
        Assert.Contains("detail.index", failed.Cause);
        Assert.Equal("GetUserProfile", failed.StateName);
        Assert.Equal(DetailTypes.Failed, failed.Meta?.OutgoingDetailType);
        Assert.Empty(_worker.Store.Objects);
    }

    [Fact]
    public async Task Missing_field_fails_the_task_with_InvalidInput_naming_the_field()
    {
        var detail = WorkerHarness.TaskDetail("GetUserProfile");
        detail["index"] = 2;

        await _worker.InvokeAsync(_worker.ProcessSingle(), WorkerHarness.Event(DetailTypes.GetUserProfile, Sources.Orchestrator, detail));

        var failed = _worker.SingleFailed();
        Assert.Equal("Worker.InvalidInput", failed.Error);
        Assert.Contains("detail.name", failed.Cause);
    }

    [Fact]
    public async Task Event_without_a_task_token_is_logged_and_rethrown_for_lambda_retries()
    {
        var detail = new JsonObject { ["execution"] = WorkerHarness.Execution, ["name"] = "Mae Heller", ["index"] = 1 };

        await Assert.ThrowsAsync<ContractViolationException>(() =>
            _worker.InvokeAsync(_worker.ProcessSingle(), WorkerHarness.Event(DetailTypes.GetUserProfile, Sources.Orchestrator, detail)));

        Assert.Empty(_worker.Published.Events);
        var line = Assert.Single(_worker.LogLines());
        Assert.Equal("req-1", (string?)line["requestId"]);
        Assert.Contains("no task token", (string?)line["message"]);
    }

    [Fact]
    public async Task S3_error_fails_the_task_with_StorageFailed_naming_bucket_key_and_code()
    {
        _worker.Store.FailWith = "AccessDenied";
        var detail = WorkerHarness.TaskDetail("GetUserProfile");
        detail["name"] = "Mae Heller";
        detail["index"] = 2;

        await _worker.InvokeAsync(_worker.ProcessSingle(), WorkerHarness.Event(DetailTypes.GetUserProfile, Sources.Orchestrator, detail));

        var failed = _worker.SingleFailed();
        Assert.Equal("Worker.StorageFailed", failed.Error);
        Assert.Contains($"s3://{InMemoryObjectStore.Bucket}/{WorkerHarness.Execution}/basic-2.json", failed.Cause);
        Assert.Contains("AccessDenied", failed.Cause);
    }

    [Fact]
    public async Task Refused_presigned_url_fails_the_task_with_ProfileUnreadable_naming_status_item_and_execution()
    {
        _worker.Fetcher.RefuseWith = 403;

        await _worker.InvokeAsync(_worker.PostProcessSingle(), GetUserCookies(index: 7));

        var failed = _worker.SingleFailed();
        Assert.Equal("Worker.ProfileUnreadable", failed.Error);
        Assert.Equal(
            $"the presigned profile URL for item 7 of execution {WorkerHarness.Execution} returned 403 (expired or tampered)",
            failed.Cause);
        Assert.Empty(_worker.Store.Objects);
    }

    [Fact]
    public async Task A_failing_side_effect_is_rethrown_for_Lambda_and_never_fails_the_task()
    {
        _worker.Fetcher.RefuseWith = 403;

        await Assert.ThrowsAnyAsync<Exception>(() => _worker.InvokeAsync(_worker.SideEffect(), GetUserCookies()));

        Assert.Empty(_worker.Published.Events);
        var line = Assert.Single(_worker.LogLines(), l => (string?)l["level"] == "ERROR");
        Assert.Contains("side-effect dead-letter queue", (string?)line["message"]);
    }

    [Fact]
    public async Task A_side_effect_event_that_breaks_its_contract_is_rethrown_and_emits_nothing()
    {
        var detail = WorkerHarness.TaskDetail("GetUserProfile");
        detail["index"] = -1;

        await Assert.ThrowsAsync<ContractViolationException>(() =>
            _worker.InvokeAsync(_worker.SideEffect(), WorkerHarness.Event(DetailTypes.GetUserCookies, Sources.Worker, detail)));

        Assert.Empty(_worker.Published.Events);
    }

    [Fact]
    public async Task Missing_final_file_fails_the_report_with_ReportIncomplete()
    {
        _worker.Store.Objects[$"{WorkerHarness.Execution}/final-0.json"] = """{"name":"Ann","company":"A","city":"X","numberOfCookiesConsumed":4}""";
        var detail = WorkerHarness.TaskDetail("GenerateReport");
        detail["names"] = new JsonArray("Ann", "Bob");

        await _worker.InvokeAsync(_worker.PostProcessAll(), WorkerHarness.Event(DetailTypes.GenerateReport, Sources.Orchestrator, detail));

        var failed = _worker.SingleFailed();
        Assert.Equal("Worker.ReportIncomplete", failed.Error);
        Assert.Contains($"{WorkerHarness.Execution}/final-1.json is missing", failed.Cause);
        Assert.DoesNotContain(_worker.Store.Objects.Keys, k => k.EndsWith("0-cookies.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failing_to_put_the_answer_fails_the_task_with_PublishFailed()
    {
        _worker.Published.FailNext = 1;

        await _worker.InvokeAsync(_worker.GetMultiple(), WorkerHarness.Event(DetailTypes.GetUsers, Sources.Orchestrator, WorkerHarness.TaskDetail("GetUsers")));

        Assert.Equal("Worker.PublishFailed", _worker.SingleFailed().Error);
    }

    [Fact]
    public async Task When_even_the_failed_event_cannot_be_put_the_invocation_throws()
    {
        _worker.Published.FailNext = 2;

        await Assert.ThrowsAnyAsync<Exception>(() =>
            _worker.InvokeAsync(_worker.GetMultiple(), WorkerHarness.Event(DetailTypes.GetUsers, Sources.Orchestrator, WorkerHarness.TaskDetail("GetUsers"))));
    }

    [Fact]
    public async Task A_cause_longer_than_step_functions_accepts_is_truncated_and_logged_in_full()
    {
        var detail = WorkerHarness.TaskDetail("GenerateReport");
        detail["names"] = new JsonArray(Enumerable.Range(0, 2000).Select(_ => (JsonNode)"Ann").ToArray());

        await _worker.InvokeAsync(_worker.PostProcessAll(), WorkerHarness.Event(DetailTypes.GenerateReport, Sources.Orchestrator, detail));

        var failed = _worker.SingleFailed();
        Assert.Equal(Failed.MaxCauseLength, failed.Cause.Length);
        Assert.EndsWith("the full cause is logged with request id req-1]", failed.Cause);
        var full = _worker.LogLines().Single(l => l["cause"] is not null);
        Assert.Equal("req-1", (string?)full["requestId"]);
        Assert.True(((string)full["cause"]!).Length > Failed.MaxCauseLength);
        Assert.StartsWith(failed.Cause[..1000], (string)full["cause"]!);
    }
}
