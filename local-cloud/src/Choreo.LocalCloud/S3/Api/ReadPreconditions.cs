using System.Globalization;
using Choreo.LocalCloud.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// S3's conditional reads (GetObject, HeadObject, and CopyObject's <c>x-amz-copy-source-if-*</c>), in the
/// precedence S3 documents (RFC 7232): If-Match, else If-Unmodified-Since, fails with 412; then
/// If-None-Match, else If-Modified-Since, answers 304. When If-Match holds, If-Unmodified-Since is ignored;
/// when If-None-Match is present, If-Modified-Since is ignored.
/// </summary>
internal static class ReadPreconditions
{
    /// <summary>The outcome for GetObject/HeadObject: null to serve, otherwise 304 (not modified).</summary>
    public static int? Evaluate(IHeaderDictionary headers, ObjectMetadata metadata, string prefix = "")
    {
        var ifMatch = headers[prefix + "If-Match"].ToString();
        var ifNoneMatch = headers[prefix + "If-None-Match"].ToString();
        var lastModified = TruncatedToSeconds(metadata.LastModified);
        if (ifMatch.Length > 0)
        {
            if (!ETagListMatches(ifMatch, metadata.ETag))
            {
                throw Failed(prefix + "If-Match");
            }
        }
        else if (Date(headers[prefix + "If-Unmodified-Since"]) is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            throw Failed(prefix + "If-Unmodified-Since");
        }

        if (ifNoneMatch.Length > 0)
        {
            return ETagListMatches(ifNoneMatch, metadata.ETag) ? 304 : null;
        }

        return Date(headers[prefix + "If-Modified-Since"]) is { } modifiedSince && lastModified <= modifiedSince ? 304 : null;
    }

    /// <summary>True if the header's list holds <c>*</c> or the ETag (quoted or not, weak prefix ignored).</summary>
    public static bool ETagListMatches(string header, string etag) =>
        header.Split(',').Select(e => e.Trim()).Any(e => e == "*" || Unquoted(e) == etag);

    public static S3Error Failed(string condition) =>
        new("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412, [new("Condition", condition)]);

    private static string Unquoted(string etag)
    {
        if (etag.StartsWith("W/", StringComparison.Ordinal))
        {
            etag = etag[2..];
        }

        return etag.Trim('"');
    }

    /// <summary>An HTTP date; a value that does not parse is ignored, as HTTP requires.</summary>
    private static DateTimeOffset? Date(string? value) =>
        !string.IsNullOrEmpty(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;

    private static DateTimeOffset TruncatedToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
