namespace Choreo.Worker.Runtime.Events;

/// <summary>An event EventBridge did not accept, by its position in the published list, with EventBridge's last answer.</summary>
public sealed record FailedEventEntry(int Index, string DetailType, string ErrorCode, string ErrorMessage)
{
    public override string ToString() => $"#{Index} '{DetailType}' ({ErrorCode}: {ErrorMessage})";
}
