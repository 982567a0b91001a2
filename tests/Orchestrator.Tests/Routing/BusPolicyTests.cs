using Choreo.Contracts;
using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Routing;

[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class BusPolicyTests(SynthesizedOrchestrator synthesized)
{
    [Fact]
    public void Bus_policy_is_a_real_resource_that_admits_only_the_worker_account()
    {
        var (_, policy) = synthesized.Default.Single("AWS::Events::EventBusPolicy", _ => true);
        Assert.Equal("default", policy["EventBusName"]!.GetValue<string>());
        var statement = policy["Statement"]!;
        Assert.Equal("Allow", statement["Effect"]!.GetValue<string>());
        Assert.Equal($"arn:aws:iam::{SynthesizedOrchestrator.WorkerAccount}:root", synthesized.Default.Text(statement["Principal"]!["AWS"]));
        Assert.Equal(["events:PutEvents"], synthesized.Default.List(statement["Action"]));
        Assert.Equal(
            [$"arn:aws:events:{SynthesizedOrchestrator.Region}:{SynthesizedOrchestrator.OrchestratorAccount}:event-bus/default"],
            synthesized.Default.List(statement["Resource"]));
    }

    [Fact]
    public void Bus_policy_admits_only_the_worker_source_and_its_three_detail_types()
    {
        var (_, policy) = synthesized.Default.Single("AWS::Events::EventBusPolicy", _ => true);
        var conditions = policy["Statement"]!["Condition"]!.AsObject();
        var equals = Assert.Single(conditions).Value!.AsObject();
        Assert.Equal("StringEquals", conditions.Single().Key);
        Assert.Equal([Sources.Worker], synthesized.Default.List(equals["events:source"]));
        Assert.Equal([DetailTypes.Done, DetailTypes.Failed, DetailTypes.AsyncDone], synthesized.Default.List(equals["events:detail-type"]));
        Assert.Equal(2, equals.Count);
    }

    [Fact]
    public void Bus_policy_applies_to_a_named_bus_when_one_is_configured()
    {
        var (busId, _) = synthesized.Tuned.Single("AWS::Events::EventBus", _ => true);
        var (_, policy) = synthesized.Tuned.Single("AWS::Events::EventBusPolicy", _ => true);
        Assert.Equal($"${{{busId}}}", synthesized.Tuned.Text(policy["EventBusName"]));
        Assert.Equal([$"${{{busId}.Arn}}"], synthesized.Tuned.List(policy["Statement"]!["Resource"]));
    }
}
