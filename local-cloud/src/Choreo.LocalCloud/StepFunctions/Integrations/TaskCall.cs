using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.StepFunctions.Integrations;

/// <summary>One call of a service integration from a Task state, with who is calling and the task token when waiting for one.</summary>
public sealed record TaskCall(
    TaskResource Resource,
    JsonNode? Parameters,
    AccountContext Account,
    string ExecutionArn,
    string StateMachineArn,
    string? TaskToken);
