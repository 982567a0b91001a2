namespace Choreo.LocalCloud.StepFunctions.Integrations;

/// <summary>How a Task waits: for the call's response, for a task token callback, or for a job (.sync).</summary>
public enum IntegrationPattern
{
    RequestResponse,
    WaitForTaskToken,
    Sync,
}
