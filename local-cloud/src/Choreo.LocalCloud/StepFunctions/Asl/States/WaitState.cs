using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>Wait: for Seconds, until Timestamp, or either read from a path.</summary>
public sealed class WaitState : AslState
{
    public override string Type => "Wait";

    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public JsonPath? TimestampPath { get; init; }

    public override async ValueTask<StateResult> ExecuteAsync(StateInvocation invocation, JsonNode? rawInput)
    {
        var input = ApplyInputPath(invocation, rawInput);
        var clock = invocation.Run.Services.Clock;
        var delay = TimeSpan.Zero;
        if (Seconds is long seconds)
        {
            delay = TimeSpan.FromSeconds(seconds);
        }
        else if (Timestamp is DateTimeOffset until)
        {
            delay = until - clock.UtcNow;
        }
        else if (SecondsPath is { } secondsPath)
        {
            delay = TimeSpan.FromSeconds(ReadSeconds(invocation, secondsPath, input));
        }
        else if (TimestampPath is { } timestampPath)
        {
            delay = ReadTimestamp(invocation, timestampPath, input) - clock.UtcNow;
        }

        if (delay > TimeSpan.Zero)
        {
            await invocation.Thread.WaitAsync(clock.DelayAsync(delay, invocation.Cancellation)).ConfigureAwait(false);
        }

        return new StateResult(ApplyOutputPath(invocation, input), End ? null : Next);
    }

    private static JsonNode? Read(StateInvocation invocation, JsonPath path, JsonNode? input, string field)
    {
        var root = path.IsContext ? invocation.Context.RootFor(path) : input;
        if (!path.TrySelectSingle(root, out var value))
        {
            throw StateError.Runtime($"Invalid path '{path.Text}' : No results for path: {path.Canonical}");
        }

        return value;
    }

    private static long ReadSeconds(StateInvocation invocation, JsonPath path, JsonNode? input)
    {
        var value = Read(invocation, path, input, "SecondsPath");
        var text = JsonText.IsNumber(value) ? JsonText.NumberText(value!) : JsonText.Serialize(value);
        if (!JsonText.IsNumber(value) || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            throw StateError.Runtime($"The SecondsPath parameter cannot be parsed as a long value: {path.Text} == {text}");
        }

        if (seconds < 0)
        {
            throw StateError.Runtime($"The SecondsPath parameter references a negative value: {path.Text} == {text}");
        }

        return seconds;
    }

    private static DateTimeOffset ReadTimestamp(StateInvocation invocation, JsonPath path, JsonNode? input)
    {
        var value = Read(invocation, path, input, "TimestampPath");
        if (JsonText.TryGetString(value, out var text) && AslTimestamp.TryParse(text, out var timestamp))
        {
            return timestamp;
        }

        var shown = JsonText.TryGetString(value, out var s) ? s : JsonText.Serialize(value);
        throw StateError.Runtime(
            $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {path.Text} == {shown}");
    }
}
