using System.Text.RegularExpressions;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>S3's general-purpose bucket naming rules.</summary>
public static partial class BucketName
{
    public static bool IsValid(string name) =>
        name.Length is >= 3 and <= 63 && Shape().IsMatch(name) && !name.Contains("..") && !IpAddress().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex IpAddress();
}
