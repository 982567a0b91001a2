using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.EventBridge;

public sealed class ApiTests
{
    private const string Event = """
        {"version":"0","id":"1","detail-type":"done","source":"choreo.worker","account":"222222222222",
         "time":"2026-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{"ok":true}}
        """;

    [Theory]
    [InlineData("""{"source":["choreo.worker"],"detail":{"ok":[true]}}""", true)]
    [InlineData("""{"source":["choreo.orchestrator"]}""", false)]
    public async Task Test_event_pattern_tells_whether_the_event_matches(string pattern, bool expected)
    {
        await using var harness = new EventBridgeHarness();
        var response = await harness.CallAsync("TestEventPattern", new() { ["EventPattern"] = pattern, ["Event"] = Event }, EventBridgeHarness.Worker);
        Assert.Equal(expected, response["Result"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Put_rule_with_an_invalid_pattern_fails_with_invalid_event_pattern_exception()
    {
        await using var harness = new EventBridgeHarness();
        var error = await Assert.ThrowsAsync<Choreo.LocalCloud.EventBridge.Patterns.InvalidEventPatternException>(() =>
            harness.CallAsync("PutRule", new() { ["Name"] = "r", ["EventPattern"] = """{"source":"not-an-array"}""" }, EventBridgeHarness.Worker));
        Assert.Equal("InvalidEventPatternException", error.ErrorCode);
    }

    [Fact]
    public async Task Rules_on_a_custom_bus_have_the_bus_in_their_arn_and_are_described_and_listed()
    {
        await using var harness = new EventBridgeHarness();
        var owner = EventBridgeHarness.Worker;
        var busArn = (await harness.CallAsync("CreateEventBus", new() { ["Name"] = "choreo" }, owner))["EventBusArn"]!.GetValue<string>();
        Assert.Equal("arn:aws:events:us-east-1:222222222222:event-bus/choreo", busArn);
        var ruleArn = await harness.PutRuleAsync(owner, "r1", """{"source":["a"]}""",
            [new JsonObject { ["Id"] = "t", ["Arn"] = "arn:aws:lambda:us-east-1:222222222222:function:f" }], busArn);
        Assert.Equal("arn:aws:events:us-east-1:222222222222:rule/choreo/r1", ruleArn);

        var described = await harness.CallAsync("DescribeRule", new() { ["Name"] = "r1", ["EventBusName"] = "choreo" }, owner);
        Assert.Equal("ENABLED", described["State"]!.GetValue<string>());
        Assert.Equal("choreo", described["EventBusName"]!.GetValue<string>());
        var listed = await harness.CallAsync("ListRules", new() { ["EventBusName"] = "choreo" }, owner);
        Assert.Equal("r1", Assert.Single(listed["Rules"]!.AsArray())!["Name"]!.GetValue<string>());
        var targets = await harness.CallAsync("ListTargetsByRule", new() { ["Rule"] = "r1", ["EventBusName"] = "choreo" }, owner);
        Assert.Equal("t", Assert.Single(targets["Targets"]!.AsArray())!["Id"]!.GetValue<string>());

        var deleteWithTargets = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CallAsync("DeleteRule", new() { ["Name"] = "r1", ["EventBusName"] = "choreo" }, owner));
        Assert.Equal("ValidationException", deleteWithTargets.ErrorCode);
        await harness.CallAsync("RemoveTargets", new() { ["Rule"] = "r1", ["EventBusName"] = "choreo", ["Ids"] = new JsonArray("t") }, owner);
        await harness.CallAsync("DeleteRule", new() { ["Name"] = "r1", ["EventBusName"] = "choreo" }, owner);
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CallAsync("DescribeRule", new() { ["Name"] = "r1", ["EventBusName"] = "choreo" }, owner));
        Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
        Assert.Equal("Rule r1 does not exist on EventBus choreo.", missing.Message);
    }

    [Fact]
    public async Task Put_permission_shows_up_as_the_bus_policy_and_remove_permission_takes_it_away()
    {
        await using var harness = new EventBridgeHarness();
        var owner = EventBridgeHarness.Worker;
        await harness.CallAsync("PutPermission", new()
        {
            ["StatementId"] = "orch", ["Principal"] = "111111111111", ["Action"] = "events:PutEvents",
            ["Condition"] = new JsonObject { ["Type"] = "StringEquals", ["Key"] = "aws:PrincipalOrgID", ["Value"] = "o-123" },
        }, owner);

        var bus = await harness.CallAsync("DescribeEventBus", new(), owner);
        var statement = JsonNode.Parse(bus["Policy"]!.GetValue<string>())!["Statement"]![0]!;
        Assert.Equal("orch", statement["Sid"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::111111111111:root", statement["Principal"]!["AWS"]!.GetValue<string>());
        Assert.Equal("arn:aws:events:us-east-1:222222222222:event-bus/default", statement["Resource"]!.GetValue<string>());
        Assert.Equal("o-123", statement["Condition"]!["StringEquals"]!["aws:PrincipalOrgID"]!.GetValue<string>());

        // Organizations are not modelled: a PrincipalOrgID condition never matches, so the put is denied.
        var put = await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator,
            [new("choreo.orchestrator", "getUsers", "{}", "arn:aws:events:us-east-1:222222222222:event-bus/default")], CancellationToken.None);
        Assert.Equal("AccessDeniedException", put.Entries[0].ErrorCode);

        await harness.CallAsync("RemovePermission", new() { ["StatementId"] = "orch" }, owner);
        Assert.Null((await harness.CallAsync("DescribeEventBus", new(), owner))["Policy"]);
    }
}
