using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Integrations;

/// <summary>
/// A service a Task state can call. Failures are thrown as <see cref="Execution.StatesFailure"/> with the
/// error names AWS uses for that service (e.g. <c>EventBridge.FailedEntry</c>, <c>Sfn.InvalidTokenException</c>).
/// </summary>
public interface ITaskIntegration
{
    bool Handles(TaskResource resource);

    Task<JsonNode?> InvokeAsync(TaskCall call, CancellationToken cancellationToken);
}
