using System.Globalization;
using System.Text.RegularExpressions;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>Timestamps as the States language takes them: ISO-8601 extended offset date-times (RFC 3339).</summary>
public static partial class AslTimestamp
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Shape().IsMatch(text) &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex Shape();
}
