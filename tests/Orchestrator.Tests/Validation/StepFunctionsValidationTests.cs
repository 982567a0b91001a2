using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.Time;
using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Validation;

/// <summary>
/// Every state machine the orchestrator synthesizes passes local-cloud's ValidateStateMachineDefinition (AWS's
/// verdict as local-cloud knows it): a definition that fails here would pass `choreo run` nowhere and be refused by
/// `cdk deploy`.
/// </summary>
[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class StepFunctionsValidationTests(SynthesizedOrchestrator synthesized)
{
    public static TheoryData<string, string> Machines => new()
    {
        { "default", "STANDARD" },
        { "default", "EXPRESS" },
        { "tuned", "STANDARD" },
        { "tuned", "EXPRESS" },
    };

    [Theory]
    [MemberData(nameof(Machines))]
    public async Task Each_synthesized_definition_validates_OK_with_no_errors(string stack, string type)
    {
        var template = stack == "default" ? synthesized.Default : synthesized.Tuned;
        var (id, _) = template.Single("AWS::StepFunctions::StateMachine", p => p["StateMachineType"]?.GetValue<string>() == type);
        var definition = template.Text(template.Properties(id)["DefinitionString"]);
        var service = new StepFunctionsService(new VirtualClock());

        var response = await service.HandleAsync(
            "ValidateStateMachineDefinition",
            new JsonObject { ["definition"] = definition, ["type"] = type },
            new AccountContext(SynthesizedOrchestrator.OrchestratorAccount, SynthesizedOrchestrator.Region),
            CancellationToken.None);

        var errors = response["diagnostics"]!.AsArray().Where(d => d!["severity"]!.GetValue<string>() == "ERROR").Select(d => d!.ToJsonString()).ToList();
        Assert.True(errors.Count == 0, $"{stack} {type} machine {id}: {string.Join("; ", errors)}");
        Assert.Equal("OK", response["result"]!.GetValue<string>());
    }
}
