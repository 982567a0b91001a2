using System.Globalization;
using System.Security.Cryptography;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// Reads a request body only after the request was authenticated from its headers: the declared size is
/// checked against the operation's limit before a byte is read, aws-chunked bodies are decoded as they
/// stream, and the digests are computed on the way, so an object is never held whole in memory.
/// </summary>
internal static class RequestPayload
{
    /// <summary>S3's largest single PUT (and part): 5 GiB.</summary>
    public const long MaxObjectBytes = 5L * 1024 * 1024 * 1024;

    /// <summary>A cap for the XML and JSON documents S3 operations receive (policies, delete lists, part lists).</summary>
    public const int MaxDocumentBytes = 2 * 1024 * 1024;

    /// <summary>Streams the body into the store's staging and verifies it; the caller disposes the result.</summary>
    /// <param name="algorithms">Checksum algorithms to compute besides those the request names.</param>
    public static async Task<ReceivedPayload> StageAsync(
        HttpRequest request, VerifiedRequest verified, IS3ObjectStore store, IEnumerable<string> algorithms, CancellationToken cancellationToken)
    {
        var declared = DeclaredSize(request, verified);
        if (declared > MaxObjectBytes)
        {
            throw new S3Error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400,
                [new("ProposedSize", declared.ToString(CultureInfo.InvariantCulture)), new("MaxSizeAllowed", MaxObjectBytes.ToString(CultureInfo.InvariantCulture))]);
        }

        var declaredChecksums = DeclaredChecksums(request);
        var digests = new PayloadDigests(declaredChecksums.Concat(algorithms), ContentSha256.IsHash(verified.PayloadHash));
        try
        {
            var (decoded, chunked) = Decode(request, verified, declared);
            var digesting = new DigestingReadStream(decoded, digests);
            StagedContent staged;
            try
            {
                staged = await store.StageAsync(digesting, cancellationToken);
            }
            catch (AuthFailure failure)
            {
                throw S3Errors.FromPayloadFailure(failure);
            }

            try
            {
                Verify(request, verified, digests, chunked?.Trailers, () => staged.Md5Hex);
            }
            catch
            {
                staged.Dispose();
                throw;
            }

            var algorithm = declaredChecksums.FirstOrDefault();
            var checksum = algorithm is null ? null : new ObjectChecksum(algorithm, digests.Base64(algorithm), "FULL_OBJECT");
            return new ReceivedPayload(staged, checksum, digests);
        }
        catch
        {
            digests.Dispose();
            throw;
        }
    }

    /// <summary>Reads a small document body (XML or JSON) whole, verified the same way.</summary>
    public static async Task<byte[]> ReadDocumentAsync(HttpRequest request, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        long declared;
        try
        {
            declared = DeclaredSize(request, verified);
        }
        catch (S3Error) when (request.ContentLength is null && !ContentSha256.IsStreaming(verified.PayloadHash))
        {
            declared = 0;
        }

        if (declared > MaxDocumentBytes)
        {
            throw new S3Error("MaxMessageLengthExceeded", "Your request was too big.", 400);
        }

        using var digests = new PayloadDigests(DeclaredChecksums(request), ContentSha256.IsHash(verified.PayloadHash));
        var (decoded, chunked) = Decode(request, verified, declared);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        try
        {
            while ((read = await decoded.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes)
                {
                    throw new S3Error("MaxMessageLengthExceeded", "Your request was too big.", 400);
                }

                buffer.Write(chunk, 0, read);
                digests.Append(chunk.AsSpan(0, read));
            }
        }
        catch (AuthFailure failure)
        {
            throw S3Errors.FromPayloadFailure(failure);
        }

        var bytes = buffer.ToArray();
        Verify(request, verified, digests, chunked?.Trailers, () => Convert.ToHexStringLower(MD5.HashData(bytes)));
        return bytes;
    }

    /// <summary>Checksum algorithms the request names: header values, announced trailers, x-amz-sdk-checksum-algorithm.</summary>
    public static IReadOnlyList<string> DeclaredChecksums(HttpRequest request)
    {
        var names = new List<string>();
        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith(PayloadDigests.HeaderPrefix, StringComparison.OrdinalIgnoreCase)
                && header.Key[PayloadDigests.HeaderPrefix.Length..].ToUpperInvariant() is var name
                && name is not ("ALGORITHM" or "TYPE" or "MODE"))
            {
                names.Add(Supported(name));
            }
        }

        foreach (var trailer in request.Headers["x-amz-trailer"].SelectMany(v => (v ?? string.Empty).Split(',')))
        {
            var name = trailer.Trim().ToLowerInvariant();
            if (name.StartsWith(PayloadDigests.HeaderPrefix, StringComparison.Ordinal))
            {
                names.Add(Supported(name[PayloadDigests.HeaderPrefix.Length..].ToUpperInvariant()));
            }
        }

        if (request.Headers["x-amz-sdk-checksum-algorithm"].ToString() is { Length: > 0 } sdkAlgorithm)
        {
            names.Add(Supported(sdkAlgorithm.ToUpperInvariant()));
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    public static string Supported(string algorithm) => PayloadDigests.IsSupported(algorithm)
        ? algorithm.ToUpperInvariant()
        : throw new S3Error("InvalidRequest", $"Value for x-amz-checksum-algorithm header is invalid: {algorithm}", 400);

    private static long DeclaredSize(HttpRequest request, VerifiedRequest verified)
    {
        if (ContentSha256.IsStreaming(verified.PayloadHash))
        {
            return long.TryParse(request.Headers["x-amz-decoded-content-length"], NumberStyles.None, CultureInfo.InvariantCulture, out var decoded)
                ? decoded
                : throw new S3Error("MissingContentLength", "You must provide the Content-Length HTTP header.", 411);
        }

        return request.ContentLength ?? throw new S3Error("MissingContentLength", "You must provide the Content-Length HTTP header.", 411);
    }

    private static (Stream Decoded, AwsChunkedReadStream? Chunked) Decode(HttpRequest request, VerifiedRequest verified, long declared)
    {
        if (!ContentSha256.IsStreaming(verified.PayloadHash))
        {
            return (request.Body, null);
        }

        var chunked = new AwsChunkedReadStream(request.Body, verified, verified.PayloadHash, declared);
        return (chunked, chunked);
    }

    private static void Verify(
        HttpRequest request, VerifiedRequest verified, PayloadDigests digests, IReadOnlyDictionary<string, string>? trailers, Func<string> md5Hex)
    {
        if (ContentSha256.IsHash(verified.PayloadHash) && !string.Equals(digests.ContentSha256Hex, verified.PayloadHash, StringComparison.OrdinalIgnoreCase))
        {
            throw S3Errors.FromPayloadFailure(new AuthFailure(AuthFailureKind.ContentSha256Mismatch, "the body does not match x-amz-content-sha256"));
        }

        var provided = request.Headers
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.ToString()))
            .Concat(trailers ?? new Dictionary<string, string>())
            .Where(h => h.Key.StartsWith(PayloadDigests.HeaderPrefix, StringComparison.Ordinal)
                && h.Key is not ("x-amz-checksum-algorithm" or "x-amz-checksum-type" or "x-amz-checksum-mode"));
        foreach (var (name, value) in provided)
        {
            var algorithm = name[PayloadDigests.HeaderPrefix.Length..].ToUpperInvariant();
            if (digests.Base64(algorithm) != value.Trim())
            {
                throw new S3Error("BadDigest", $"The {algorithm} you specified did not match the calculated checksum.", 400);
            }
        }

        if (request.Headers.ContentMD5 is { Count: > 0 } md5)
        {
            byte[] expected;
            try
            {
                expected = Convert.FromBase64String(md5.ToString().Trim());
            }
            catch (FormatException)
            {
                throw new S3Error("InvalidDigest", "The Content-MD5 you specified was invalid.", 400);
            }

            if (!string.Equals(Convert.ToHexStringLower(expected), md5Hex(), StringComparison.Ordinal))
            {
                throw new S3Error("BadDigest", "The Content-MD5 you specified did not match what we received.", 400);
            }
        }
    }
}
