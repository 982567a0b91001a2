using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.CloudFormation;

namespace LocalCloud.Tests.StepFunctions;

public sealed class StateMachineProviderTests
{
    [Fact]
    public async Task Provider_substitutes_the_definition_and_returns_the_arn_as_Ref()
    {
        var harness = new StepFunctionsHarness();
        var provider = new StateMachineProvider(harness.Service);
        var resource = await provider.CreateAsync(new ResourceRequest(
            StepFunctionsHarness.Orchestrator,
            "Orchestrator",
            "Flow",
            new JsonObject
            {
                ["DefinitionString"] = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"${Greeting}","End":true}}}""",
                ["DefinitionSubstitutions"] = new JsonObject { ["Greeting"] = "hello" },
                ["RoleArn"] = "arn:aws:iam::111111111111:role/flow",
            },
            "/tmp",
            new Dictionary<string, JsonNode?>()), CancellationToken.None);

        Assert.StartsWith("arn:aws:states:us-east-1:111111111111:stateMachine:Flow-", resource.PhysicalId);
        Assert.Equal(resource.PhysicalId, resource.Attributes["Arn"]!.GetValue<string>());
        var run = await harness.StartAsync(resource.PhysicalId);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("\"hello\"", run.Output);
    }

    [Fact]
    public async Task Provider_refuses_an_invalid_express_definition_with_the_validator_s_InvalidDefinition()
    {
        var harness = new StepFunctionsHarness();
        var provider = new StateMachineProvider(harness.Service);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => provider.CreateAsync(new ResourceRequest(
            StepFunctionsHarness.Orchestrator,
            "Orchestrator",
            "Finisher",
            new JsonObject
            {
                ["Definition"] = JsonNode.Parse("""{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken","End":true}}}"""),
                ["StateMachineType"] = "EXPRESS",
            },
            "/tmp",
            new Dictionary<string, JsonNode?>()), CancellationToken.None));

        Assert.Equal("InvalidDefinition", error.ErrorCode);
        Assert.EndsWith(
            "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/W/Resource'",
            error.Message);
    }
}
