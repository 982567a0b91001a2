using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary>
/// The tracing block of the article's util: where the incoming event came from, what goes out,
/// which function handled it, and which state machine and job it belongs to, so one execution
/// can be followed across accounts.
/// </summary>
public sealed record Meta(
    [property: JsonPropertyName("account")] string? Account = null,
    [property: JsonPropertyName("source")] string? Source = null,
    [property: JsonPropertyName("detailType")] string? DetailType = null,
    [property: JsonPropertyName("outgoingDetailType")] string? OutgoingDetailType = null,
    [property: JsonPropertyName("fn")] string? Function = null,
    [property: JsonPropertyName("execution")] string? Execution = null,
    [property: JsonPropertyName("stateMachine")] string? StateMachine = null,
    [property: JsonPropertyName("job")] string? Job = null)
{
    /// <summary>
    /// Builds the block for an event handled by <paramref name="function"/>: the state machine and job
    /// are the last two parts of the execution ARN (arn:aws:states:region:account:execution:machine:job).
    /// </summary>
    public static Meta For(string? account, string? source, string? detailType, string outgoingDetailType, string? function, string? execution)
    {
        var parts = (execution ?? string.Empty).Split(':');
        var isExecutionArn = parts.Length >= 8 && parts[5] is "execution" or "express";
        return new Meta(
            account, source, detailType, outgoingDetailType, function, execution,
            isExecutionArn ? parts[^2] : null,
            isExecutionArn ? parts[^1] : null);
    }
}
