using System.Text.RegularExpressions;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// The bucket and key a request addresses: virtual-host style (<c>bucket.localhost</c>, <c>bucket.s3.localhost</c>,
/// <c>bucket.s3.region.localhost</c>) when the host names one, else path style (<c>/bucket/key</c>).
/// </summary>
public sealed partial record S3RequestTarget(string? Bucket, string? Key)
{
    private const string LocalhostSuffix = ".localhost";

    /// <param name="host">The Host header without its port.</param>
    /// <param name="rawPath">The path as sent, still percent-encoded.</param>
    public static S3RequestTarget Resolve(string host, string rawPath)
    {
        var bucketFromHost = BucketFromHost(host.ToLowerInvariant());
        var path = rawPath.StartsWith('/') ? rawPath[1..] : rawPath;
        if (bucketFromHost is not null)
        {
            return new S3RequestTarget(bucketFromHost, path.Length == 0 ? null : UriEncoding.Decode(path));
        }

        var slash = path.IndexOf('/');
        var bucket = UriEncoding.Decode(slash < 0 ? path : path[..slash]);
        var key = slash < 0 || slash == path.Length - 1 ? null : UriEncoding.Decode(path[(slash + 1)..]);
        return new S3RequestTarget(bucket.Length == 0 ? null : bucket, key);
    }

    private static string? BucketFromHost(string host)
    {
        if (!host.EndsWith(LocalhostSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = host[..^LocalhostSuffix.Length];
        if (name == "s3" || name.StartsWith("s3.", StringComparison.Ordinal))
        {
            return null;
        }

        var regional = RegionalS3Suffix().Match(name);
        if (regional.Success)
        {
            return regional.Groups["bucket"].Value;
        }

        return name.EndsWith(".s3", StringComparison.Ordinal) ? name[..^3] : name;
    }

    [GeneratedRegex(@"^(?<bucket>.+)\.s3\.[a-z]{2}(-[a-z]+)+-\d+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex RegionalS3Suffix();
}
