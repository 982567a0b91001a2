using Choreo.LocalCloud.EventBridge.Patterns;

namespace LocalCloud.Tests.EventBridge.Patterns;

/// <summary>One recorded case: a pattern, an event and what AWS answered (match, no-match, or an error).</summary>
public sealed record PatternCase(
    string Id, string PatternJson, string EventJson, string Expected, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>Runs the case; null when the outcome is AWS's, otherwise what differed.</summary>
    public string? Run()
    {
        EventPattern pattern;
        try
        {
            pattern = EventPattern.Parse(PatternJson);
        }
        catch (InvalidEventPatternException e)
        {
            var firstLine = e.Message.Split('\n')[0];
            if (Expected != "invalid")
            {
                return $"expected {Expected} but the pattern was rejected: {firstLine}";
            }
            return e.ErrorCode == ErrorCode && firstLine == ErrorMessage
                ? null
                : $"expected {ErrorCode}: {ErrorMessage} but got {e.ErrorCode}: {firstLine}";
        }
        if (Expected == "invalid")
        {
            return $"expected {ErrorCode}: {ErrorMessage} but the pattern was accepted";
        }
        var matched = pattern.Matches(EventJson);
        var expectedMatch = Expected == "match";
        return matched == expectedMatch ? null : $"expected {Expected} but got {(matched ? "match" : "no-match")}";
    }
}
