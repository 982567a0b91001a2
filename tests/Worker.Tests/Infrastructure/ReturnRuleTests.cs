using System.Text.Json;
using Choreo.Contracts;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class ReturnRuleTests(WorkerTemplateFixture fixture)
{
    [Fact]
    public void Return_rule_forwards_done_failed_and_async_done_from_the_worker()
    {
        var pattern = ReturnRule().GetProperty("EventPattern");

        Assert.Equal([Sources.Worker], TemplateJson.Strings(pattern.GetProperty("source")));
        Assert.Equal([DetailTypes.Done, DetailTypes.Failed, DetailTypes.AsyncDone], TemplateJson.Strings(pattern.GetProperty("detail-type")));
        Assert.Equal("default", ReturnRule().GetProperty("EventBusName").GetString());
    }

    [Fact]
    public void Return_rule_targets_only_the_orchestrator_bus()
    {
        var target = Assert.Single(ReturnRule().GetProperty("Targets").EnumerateArray());

        Assert.Equal(WorkerTemplateFixture.OrchestratorBusArn, TemplateJson.Text(target.GetProperty("Arn")));
    }

    [Fact]
    public void Return_role_may_only_put_events_on_the_orchestrator_bus()
    {
        var role = Target().GetProperty("RoleArn").GetProperty("Fn::GetAtt")[0].GetString()!;

        var statement = Assert.Single(fixture.DevJson.StatementsOfRole(role));
        Assert.Equal(["events:PutEvents"], TemplateJson.Strings(statement.GetProperty("Action")));
        Assert.Equal(WorkerTemplateFixture.OrchestratorBusArn, TemplateJson.Text(statement.GetProperty("Resource")));
        var trust = fixture.DevJson.Resource(role).GetProperty("Properties").GetProperty("AssumeRolePolicyDocument");
        Assert.Contains("events.amazonaws.com", TemplateJson.Text(trust));
    }

    [Fact]
    public void Return_rule_keeps_the_default_retry_then_dead_letters()
    {
        // AWS documents no RetryPolicy for event-bus targets; EventBridge's default retry applies.
        Assert.False(Target().TryGetProperty("RetryPolicy", out _));
        var queue = Target().GetProperty("DeadLetterConfig").GetProperty("Arn").GetProperty("Fn::GetAtt")[0].GetString()!;
        Assert.Equal("AWS::SQS::Queue", fixture.DevJson.Resource(queue).GetProperty("Type").GetString());
    }

    [Fact]
    public void Dead_letter_queue_is_encrypted_with_SQS_managed_keys()
    {
        var properties = fixture.DevJson.Resource(DeadLetterQueueId()).GetProperty("Properties");

        Assert.True(properties.GetProperty("SqsManagedSseEnabled").GetBoolean());
        Assert.False(properties.TryGetProperty("KmsMasterKeyId", out _));
    }

    [Fact]
    public void Only_the_return_rule_may_send_to_the_dead_letter_queue_and_only_over_TLS()
    {
        var queue = DeadLetterQueueId();
        var statements = Assert.Single(fixture.DevJson.Resources("AWS::SQS::QueuePolicy")
                .Select(p => p.Resource.GetProperty("Properties")),
                p => TemplateJson.Text(p.GetProperty("Queues")).Contains($"\"{queue}\"", StringComparison.Ordinal))
            .GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList();

        var allow = Assert.Single(statements, s => s.GetProperty("Effect").GetString() == "Allow");
        Assert.Equal("events.amazonaws.com", allow.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Contains("ReturnToOrchestratorRule", TemplateJson.Text(allow.GetProperty("Condition")));
        Assert.Contains(statements, s => s.GetProperty("Effect").GetString() == "Deny"
            && TemplateJson.Text(s.GetProperty("Condition")).Contains("aws:SecureTransport", StringComparison.Ordinal));
    }

    private JsonElement ReturnRule() => Assert.Single(
        fixture.DevJson.Resources("AWS::Events::Rule")
            .Select(r => r.Resource.GetProperty("Properties")),
        p => TemplateJson.Strings(p.GetProperty("EventPattern").GetProperty("source")).Contains(Sources.Worker)
            && TemplateJson.Strings(p.GetProperty("EventPattern").GetProperty("detail-type")).Contains(DetailTypes.Done));

    private JsonElement Target() => ReturnRule().GetProperty("Targets")[0];

    private string DeadLetterQueueId() => Target().GetProperty("DeadLetterConfig").GetProperty("Arn").GetProperty("Fn::GetAtt")[0].GetString()!;
}
