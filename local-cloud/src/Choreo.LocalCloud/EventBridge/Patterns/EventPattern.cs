using System.Text.Json;
using Choreo.LocalCloud.EventBridge.Patterns.Compilation;
using Choreo.LocalCloud.EventBridge.Patterns.Matching;

namespace Choreo.LocalCloud.EventBridge.Patterns;

/// <summary>
/// A compiled EventBridge event pattern. Parse once (validation gives AWS's errors), then match any number
/// of events; instances are immutable and safe to share between threads.
/// </summary>
public sealed class EventPattern
{
    private readonly IReadOnlyList<PatternBranch> _branches;
    private readonly EventFlattener _flattener;

    private EventPattern(IReadOnlyList<PatternBranch> branches)
    {
        _branches = branches;
        _flattener = new EventFlattener(branches.SelectMany(b => b.Fields).Select(f => f.Path).Distinct());
    }

    /// <summary>Validates and compiles a pattern.</summary>
    /// <exception cref="InvalidEventPatternException">The pattern is not valid; the message is AWS's.</exception>
    public static EventPattern Parse(string patternJson)
    {
        ArgumentNullException.ThrowIfNull(patternJson);
        return new EventPattern(EventPatternCompiler.Compile(patternJson));
    }

    /// <summary>Whether the whole event (envelope fields and its <c>detail</c> object) matches.</summary>
    public bool Matches(JsonElement @event)
    {
        if (@event.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        var flattened = _flattener.Flatten(@event);
        foreach (var branch in _branches)
        {
            if (branch.Matches(flattened))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the event JSON matches.</summary>
    /// <exception cref="ArgumentException">The text is not JSON.</exception>
    public bool Matches(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The event is not valid JSON: {e.Message}", nameof(eventJson), e);
        }
        using (document)
        {
            return Matches(document.RootElement);
        }
    }
}
