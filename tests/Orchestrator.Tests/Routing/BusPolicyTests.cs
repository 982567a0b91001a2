using Choreo.Contracts;
using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Routing;

[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class BusPolicyTests(SynthesizedOrchestrator synthesized)
{
    [Fact]
    public void Bus_policy_is_a_real_resource_that_admits_only_the_worker_account()
    {
        var (_, policy) = synthesized.DefaultAccess.Single("AWS::Events::EventBusPolicy", _ => true);
        Assert.Equal("default", policy["EventBusName"]!.GetValue<string>());
        var statement = policy["Statement"]!;
        Assert.Equal("Allow", statement["Effect"]!.GetValue<string>());
        Assert.Equal($"arn:aws:iam::{SynthesizedOrchestrator.WorkerAccount}:root", synthesized.DefaultAccess.Text(statement["Principal"]!["AWS"]));
        Assert.Equal(["events:PutEvents"], synthesized.DefaultAccess.List(statement["Action"]));
        Assert.Equal(
            [$"arn:aws:events:{SynthesizedOrchestrator.Region}:{SynthesizedOrchestrator.OrchestratorAccount}:event-bus/default"],
            synthesized.DefaultAccess.List(statement["Resource"]));
    }

    [Fact]
    public void Bus_policy_admits_only_the_worker_source_and_its_three_detail_types()
    {
        var (_, policy) = synthesized.DefaultAccess.Single("AWS::Events::EventBusPolicy", _ => true);
        var conditions = policy["Statement"]!["Condition"]!.AsObject();
        var equals = Assert.Single(conditions).Value!.AsObject();
        Assert.Equal("StringEquals", conditions.Single().Key);
        Assert.Equal([Sources.Worker], synthesized.DefaultAccess.List(equals["events:source"]));
        Assert.Equal([DetailTypes.Done, DetailTypes.Failed, DetailTypes.AsyncDone], synthesized.DefaultAccess.List(equals["events:detail-type"]));
        Assert.Equal(2, equals.Count);
    }

    [Fact]
    public void The_workflow_stack_holds_no_bus_policy_and_creates_no_bus()
    {
        Assert.Empty(synthesized.Default.Resources("AWS::Events::EventBusPolicy"));
        Assert.Empty(synthesized.Tuned.Resources("AWS::Events::EventBusPolicy"));
        Assert.Empty(synthesized.Tuned.Resources("AWS::Events::EventBus"));
    }

    [Fact]
    public void Bus_policy_applies_to_a_named_bus_when_one_is_configured()
    {
        var (busId, _) = synthesized.TunedAccess.Single("AWS::Events::EventBus", _ => true);
        var (_, policy) = synthesized.TunedAccess.Single("AWS::Events::EventBusPolicy", _ => true);
        Assert.Equal($"${{{busId}}}", synthesized.TunedAccess.Text(policy["EventBusName"]));
        Assert.Equal([$"${{{busId}.Arn}}"], synthesized.TunedAccess.List(policy["Statement"]!["Resource"]));
    }
}
