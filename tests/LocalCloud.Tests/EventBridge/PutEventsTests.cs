using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;

namespace LocalCloud.Tests.EventBridge;

public sealed class PutEventsTests
{
    private static PutEventsEntry Valid(string? bus = null) => new("choreo.test", "start", """{"run":1}""", bus);

    [Fact]
    public async Task More_than_ten_entries_are_refused_with_a_validation_exception()
    {
        await using var harness = new EventBridgeHarness();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator, Enumerable.Repeat(Valid(), 11).ToList(), CancellationToken.None));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("less than or equal to 10", error.Message);
    }

    [Fact]
    public async Task Entries_adding_up_to_more_than_256_KB_are_refused()
    {
        await using var harness = new EventBridgeHarness();
        var big = new PutEventsEntry("choreo.test", "start", $$"""{"pad":"{{new string('x', 140 * 1024)}}"}""", null);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator, [big, big], CancellationToken.None));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("Total size of the entries in the request is over the limit.", error.Message);
    }

    [Fact]
    public async Task Bad_entries_fail_individually_while_good_ones_get_event_ids()
    {
        await using var harness = new EventBridgeHarness();
        var result = await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator,
        [
            Valid(),
            new PutEventsEntry(null, "start", "{}", null),
            new PutEventsEntry("choreo.test", null, "{}", null),
            new PutEventsEntry("choreo.test", "start", null, null),
            new PutEventsEntry("choreo.test", "start", "[1,2]", null),
            new PutEventsEntry("choreo.test", "start", "{not json", null),
            Valid("no-such-bus"),
            new PutEventsEntry("aws.s3", "start", "{}", null),
        ], CancellationToken.None);

        Assert.Equal(7, result.FailedEntryCount);
        Assert.NotNull(result.Entries[0].EventId);
        Assert.Null(result.Entries[0].ErrorCode);
        Assert.Equal(
            ["InvalidArgument", "InvalidArgument", "InvalidArgument", "MalformedDetail", "MalformedDetail", "ResourceNotFoundException", "NotAuthorizedForSourceException"],
            result.Entries.Skip(1).Select(entry => entry.ErrorCode));
        Assert.Equal("Parameter Source is not valid. Reason: Source is a required argument.", result.Entries[1].ErrorMessage);
        Assert.Equal("Detail is malformed.", result.Entries[4].ErrorMessage);
        Assert.Equal("Event bus no-such-bus does not exist.", result.Entries[6].ErrorMessage);
        Assert.All(result.Entries.Skip(1), entry => Assert.Null(entry.EventId));
    }

    [Fact]
    public async Task A_direct_put_on_another_accounts_bus_is_denied_without_a_policy_and_allowed_with_one()
    {
        await using var harness = new EventBridgeHarness();
        var workerBus = $"arn:aws:events:us-east-1:{EventBridgeHarness.Worker.AccountId}:event-bus/default";

        var denied = await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator, [Valid(workerBus)], CancellationToken.None);
        Assert.Equal("AccessDeniedException", denied.Entries[0].ErrorCode);

        await harness.CallAsync("PutPermission", new()
        {
            ["StatementId"] = "orchestrator", ["Principal"] = EventBridgeHarness.Orchestrator.AccountId, ["Action"] = "events:PutEvents",
        }, EventBridgeHarness.Worker);
        var allowed = await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator, [Valid(workerBus)], CancellationToken.None);
        Assert.Equal(0, allowed.FailedEntryCount);
    }

    [Fact]
    public async Task Put_events_over_the_api_returns_aws_response_shape()
    {
        await using var harness = new EventBridgeHarness();
        var response = await harness.CallAsync("PutEvents", new()
        {
            ["Entries"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["Source"] = "choreo.test", ["DetailType"] = "start", ["Detail"] = "{}" },
                new System.Text.Json.Nodes.JsonObject { ["Source"] = "choreo.test", ["DetailType"] = "start", ["Detail"] = "nope" }),
        }, EventBridgeHarness.Orchestrator);

        Assert.Equal(1, response["FailedEntryCount"]!.GetValue<int>());
        Assert.NotNull(response["Entries"]![0]!["EventId"]);
        Assert.Equal("MalformedDetail", response["Entries"]![1]!["ErrorCode"]!.GetValue<string>());
    }
}
