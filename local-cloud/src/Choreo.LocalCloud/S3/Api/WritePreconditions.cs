using Choreo.LocalCloud.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// S3's conditional writes (PutObject, CompleteMultipartUpload, CopyObject's destination): <c>If-None-Match: *</c>
/// fails with 412 when the key exists; <c>If-Match: etag</c> fails with 412 on another ETag and with 404
/// NoSuchKey when the key does not exist. Checked under the store's lock at commit time.
/// </summary>
internal sealed class WritePreconditions
{
    private readonly string? _ifMatch;
    private readonly bool _ifNoneMatchAny;

    private WritePreconditions(string? ifMatch, bool ifNoneMatchAny)
    {
        _ifMatch = ifMatch;
        _ifNoneMatchAny = ifNoneMatchAny;
    }

    public static WritePreconditions From(IHeaderDictionary headers)
    {
        var ifNoneMatch = headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Trim() != "*")
        {
            throw S3Errors.NotImplemented("If-None-Match with a value other than '*' on a write");
        }

        var ifMatch = headers.IfMatch.ToString();
        return new WritePreconditions(ifMatch.Length > 0 ? ifMatch : null, ifNoneMatch.Length > 0);
    }

    public void Check(string key, ObjectMetadata? current)
    {
        if (_ifNoneMatchAny && current is not null)
        {
            throw ReadPreconditions.Failed("If-None-Match");
        }

        if (_ifMatch is not null)
        {
            if (current is null)
            {
                throw S3Errors.NoSuchKey(key);
            }

            if (!ReadPreconditions.ETagListMatches(_ifMatch, current.ETag))
            {
                throw ReadPreconditions.Failed("If-Match");
            }
        }
    }
}
