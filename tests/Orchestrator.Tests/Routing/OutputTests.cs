using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Routing;

[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class OutputTests(SynthesizedOrchestrator synthesized)
{
    [Fact]
    public void Stack_outputs_both_machine_arns_the_bus_arn_and_the_dead_letter_queue_url()
    {
        var outputs = synthesized.Default.Root["Outputs"]!.AsObject();
        var (mainId, _) = Machines.MainMachine(synthesized.Default);
        var (finisherId, _) = Machines.FinisherMachine(synthesized.Default);
        var (queueId, _) = synthesized.Default.Single("AWS::SQS::Queue", _ => true);

        Assert.Equal($"${{{mainId}}}", synthesized.Default.Text(outputs["MainStateMachineArn"]!["Value"]));
        Assert.Equal($"${{{finisherId}}}", synthesized.Default.Text(outputs["TaskFinisherArn"]!["Value"]));
        Assert.Equal(
            $"arn:aws:events:{SynthesizedOrchestrator.Region}:{SynthesizedOrchestrator.OrchestratorAccount}:event-bus/default",
            synthesized.Default.Text(outputs["BusArn"]!["Value"]));
        Assert.Equal($"${{{queueId}}}", synthesized.Default.Text(outputs["ForwardDeadLetterQueueUrl"]!["Value"]));
    }

    [Fact]
    public void Stack_uses_only_resource_types_the_local_emulator_deploys()
    {
        string[] supported =
        [
            "AWS::Events::Rule", "AWS::Events::EventBus", "AWS::Events::EventBusPolicy", "AWS::SQS::Queue",
            "AWS::SQS::QueuePolicy", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::StepFunctions::StateMachine",
            "AWS::Logs::LogGroup",
        ];
        foreach (var template in new[] { synthesized.Default, synthesized.Tuned })
        {
            var types = template.Root["Resources"]!.AsObject().Select(r => r.Value!["Type"]!.GetValue<string>()).Distinct();
            Assert.All(types, type => Assert.Contains(type, supported));
        }
    }
}
