using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.StepFunctions.Asl.States;
using Choreo.LocalCloud.StepFunctions.Asl.Validation;

namespace Choreo.LocalCloud.StepFunctions.Api;

/// <summary>A created state machine: its identity, type, definition text and parsed graph.</summary>
public sealed record StateMachineRecord(
    string Arn,
    string Name,
    AccountContext Account,
    string Type,
    string Definition,
    StateGraph Graph,
    string RoleArn,
    DateTimeOffset CreationDate)
{
    public bool IsExpress => Type == "EXPRESS";

    /// <summary>Why local-cloud cannot run this machine although AWS accepts it (JSONata), or null when it can.</summary>
    public string? NotRunnableCause => DefinitionValidator.UsesJsonata(Definition)
        ? "The JSONata query language is not supported by local-cloud: the definition is valid for AWS, but local-cloud cannot run it. Use JSONPath to run it locally."
        : null;

    public System.Text.Json.Nodes.JsonObject? LoggingConfiguration { get; init; }

    public System.Text.Json.Nodes.JsonObject? TracingConfiguration { get; init; }
}
