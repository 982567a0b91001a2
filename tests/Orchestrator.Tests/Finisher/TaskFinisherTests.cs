using System.Text.Json.Nodes;
using Choreo.Contracts;
using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Finisher;

[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class TaskFinisherTests(SynthesizedOrchestrator synthesized)
{
    private static readonly string[] LateCallbackErrors = ["Sfn.TaskTimedOutException", "Sfn.InvalidTokenException"];

    private readonly JsonObject _finisher = Machines.FinisherMachine(synthesized.Default).Definition;

    private JsonObject State(string name) => _finisher["States"]![name]!.AsObject();

    [Fact]
    public void Finisher_is_an_express_machine_with_tracing_and_logs()
    {
        var (id, _) = Machines.FinisherMachine(synthesized.Default);
        var properties = synthesized.Default.Properties(id);
        Assert.Equal("EXPRESS", properties["StateMachineType"]!.GetValue<string>());
        Assert.True(properties["TracingConfiguration"]!["Enabled"]!.GetValue<bool>());
        Assert.NotNull(properties["LoggingConfiguration"]!["Destinations"]);
    }

    [Fact]
    public void Finisher_routes_done_to_send_task_success_and_failed_to_send_task_failure()
    {
        var route = State(_finisher["StartAt"]!.GetValue<string>());
        Assert.Equal("Choice", route["Type"]!.GetValue<string>());
        var choices = route["Choices"]!.AsArray()
            .ToDictionary(c => c!["StringEquals"]!.GetValue<string>(), c => c!["Next"]!.GetValue<string>());
        Assert.All(route["Choices"]!.AsArray(), c => Assert.Equal("$.detail-type", c!["Variable"]!.GetValue<string>()));

        var success = State(choices[DetailTypes.Done]);
        Assert.Equal("arn:aws:states:::aws-sdk:sfn:sendTaskSuccess", success["Resource"]!.GetValue<string>());
        Assert.Equal("$.detail.TaskToken", success["Parameters"]!["TaskToken.$"]!.GetValue<string>());
        Assert.Equal("States.JsonToString($.detail)", success["Parameters"]!["Output.$"]!.GetValue<string>());

        var failure = State(choices[DetailTypes.Failed]);
        Assert.Equal("arn:aws:states:::aws-sdk:sfn:sendTaskFailure", failure["Resource"]!.GetValue<string>());
        Assert.Equal("$.detail.TaskToken", failure["Parameters"]!["TaskToken.$"]!.GetValue<string>());
        Assert.Equal("$.detail.error", failure["Parameters"]!["Error.$"]!.GetValue<string>());
        Assert.Equal("$.detail.cause", failure["Parameters"]!["Cause.$"]!.GetValue<string>());

        Assert.Equal(2, choices.Count);
        Assert.Equal("Fail", State(route["Default"]!.GetValue<string>())["Type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SendTaskSuccess")]
    [InlineData("SendTaskFailure")]
    public void A_late_or_duplicate_callback_ends_the_finisher_successfully_with_the_reason(string stateName)
    {
        var catcher = State(stateName)["Catch"]!.AsArray().Single()!;
        var errors = catcher["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.All(LateCallbackErrors, e => Assert.Contains(e, errors));
        Assert.DoesNotContain("States.ALL", errors);

        var absorbed = State(catcher["Next"]!.GetValue<string>());
        Assert.Equal("Pass", absorbed["Type"]!.GetValue<string>());
        Assert.True(absorbed["End"]!.GetValue<bool>());
        Assert.Equal(catcher["ResultPath"]!.GetValue<string>(), absorbed["Parameters"]!["reason.$"]!.GetValue<string>());
    }

    [Fact]
    public void Finisher_may_answer_only_the_main_machine_tasks()
    {
        var (mainId, _) = Machines.MainMachine(synthesized.Default);
        var (finisherId, _) = Machines.FinisherMachine(synthesized.Default);
        var finisherRole = synthesized.Default.Properties(finisherId)["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var statements = synthesized.Default.Resources("AWS::IAM::Policy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.AsArray().Any(r => r!["Ref"]!.GetValue<string>() == finisherRole))
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .ToList();
        var taskResponses = statements
            .Where(s => synthesized.Default.List(s!["Action"]).Any(a => a.StartsWith("states:SendTask", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(taskResponses, s => synthesized.Default.List(s!["Action"]).ToHashSet().SetEquals(
            ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"]));
        Assert.All(taskResponses, s => Assert.Equal([$"${{{mainId}}}"], synthesized.Default.List(s!["Resource"])));
    }
}
