using System.Text.Json.Nodes;
using Choreo.Contracts;
using Worker.Tests.Functions.Fakes;

namespace Worker.Tests.Functions;

public sealed class FailureRelayTests
{
    private readonly WorkerHarness _worker = new();

    private static string DestinationRecord(JsonNode originalDetail) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = "e1",
        ["detail-type"] = "Lambda Function Invocation Result - Failure",
        ["source"] = "lambda",
        ["account"] = "222222222222",
        ["time"] = "2024-05-01T12:00:00Z",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray(),
        ["detail"] = new JsonObject
        {
            ["version"] = "1.0",
            ["timestamp"] = "2024-05-01T12:00:00.000Z",
            ["requestContext"] = new JsonObject
            {
                ["requestId"] = "r-9",
                ["functionArn"] = "arn:aws:lambda:us-east-1:222222222222:function:worker-processSingle:$LATEST",
                ["condition"] = "RetriesExhausted",
                ["approximateInvokeCount"] = 3,
            },
            ["requestPayload"] = JsonNode.Parse(WorkerHarness.Event(DetailTypes.GetUserProfile, Sources.Orchestrator, originalDetail)),
            ["responseContext"] = new JsonObject { ["statusCode"] = 200, ["executedVersion"] = "$LATEST", ["functionError"] = "Unhandled" },
            ["responsePayload"] = new JsonObject { ["errorMessage"] = "Segmentation fault", ["errorType"] = "Runtime.ExitError" },
        },
    }.ToJsonString();

    [Fact]
    public async Task A_crash_after_retries_fails_the_original_task_with_Worker_Crashed()
    {
        var original = WorkerHarness.TaskDetail("GetUserProfile");
        original["name"] = "Mae Heller";
        original["index"] = 4;

        await _worker.InvokeAsync(_worker.FailureRelay(), DestinationRecord(original));

        var failed = _worker.SingleFailed();
        Assert.Equal("Worker.Crashed", failed.Error);
        Assert.Equal(WorkerHarness.Token, failed.TaskToken);
        Assert.Equal(WorkerHarness.Execution, failed.Execution);
        Assert.Equal(
            $"function worker-processSingle failed on the getUserProfile event of execution {WorkerHarness.Execution} after 3 attempt(s) (RetriesExhausted): Runtime.ExitError: Segmentation fault",
            failed.Cause);
        Assert.Equal(DetailTypes.GetUserProfile, failed.Meta?.DetailType);
    }

    [Fact]
    public async Task A_record_without_a_task_token_is_logged_and_dropped()
    {
        var original = new JsonObject { ["execution"] = WorkerHarness.Execution };

        var response = await _worker.InvokeAsync(_worker.FailureRelay(), DestinationRecord(original));

        Assert.Null(response);
        Assert.Empty(_worker.Published.Events);
        var line = Assert.Single(_worker.LogLines());
        Assert.Equal("WARN", (string?)line["level"]);
        Assert.Contains("dropped the failure record of function worker-processSingle", (string?)line["message"]);
    }
}
