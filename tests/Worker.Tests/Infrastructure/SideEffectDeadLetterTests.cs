using System.Text.Json;
using Choreo.Worker.Infrastructure;
using Choreo.Worker.Infrastructure.Events;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class SideEffectDeadLetterTests(WorkerTemplateFixture fixture)
{
    private (string Id, JsonElement Properties) Queue()
    {
        var (id, resource) = Assert.Single(fixture.DevJson.Resources("AWS::SQS::Queue"), q => q.Id.StartsWith("SideEffectDeadLetters", StringComparison.Ordinal));
        return (id, resource.GetProperty("Properties"));
    }

    private JsonElement Rule() => Assert.Single(fixture.DevJson.RulesTargeting(Queue().Id));

    [Fact]
    public void Only_the_side_effects_failure_records_are_routed_to_the_side_effect_dead_letter_queue()
    {
        var pattern = Rule().GetProperty("EventPattern");
        var (sideEffectId, _) = fixture.DevJson.FunctionByHandler("sideEffect");

        Assert.Equal([FailureRelayRule.LambdaSource], TemplateJson.Strings(pattern.GetProperty("source")));
        Assert.Equal([FailureRelayRule.FailureDetailType], TemplateJson.Strings(pattern.GetProperty("detail-type")));
        var prefix = Assert.Single(pattern.GetProperty("detail").GetProperty("requestContext").GetProperty("functionArn").EnumerateArray());
        Assert.Equal($$"""{"Fn::GetAtt":["{{sideEffectId}}","Arn"]}""", TemplateJson.Text(prefix.GetProperty("prefix")));
    }

    [Fact]
    public void The_side_effect_dead_letter_queue_is_encrypted_keeps_records_14_days_and_admits_only_its_rule()
    {
        var (id, properties) = Queue();

        Assert.True(properties.GetProperty("SqsManagedSseEnabled").GetBoolean());
        Assert.Equal(14 * 24 * 3600, properties.GetProperty("MessageRetentionPeriod").GetDouble());
        var policy = Assert.Single(fixture.DevJson.Resources("AWS::SQS::QueuePolicy"),
            p => TemplateJson.Text(p.Resource.GetProperty("Properties").GetProperty("Queues")).Contains(id, StringComparison.Ordinal));
        var text = TemplateJson.Text(policy.Resource.GetProperty("Properties").GetProperty("PolicyDocument"));
        Assert.Contains("events.amazonaws.com", text);
        Assert.Contains("aws:SourceArn", text);
    }

    [Fact]
    public void The_worker_stack_outputs_the_side_effect_dead_letter_queue_url()
    {
        var output = fixture.DevJson.Root.GetProperty("Outputs").GetProperty(WorkerStack.SideEffectDeadLettersUrlOutput);

        Assert.Contains(Queue().Id, TemplateJson.Text(output.GetProperty("Value")));
    }
}
