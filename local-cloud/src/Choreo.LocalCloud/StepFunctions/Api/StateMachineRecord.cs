using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.StepFunctions.Asl.States;

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

    public System.Text.Json.Nodes.JsonObject? LoggingConfiguration { get; init; }

    public System.Text.Json.Nodes.JsonObject? TracingConfiguration { get; init; }
}
