using System.Globalization;
using System.Text;

namespace Choreo.LocalCloud.Auth;

/// <summary>
/// Decodes an <c>aws-chunked</c> body (<c>hex-size[;chunk-signature=sig]\r\n data \r\n ... 0[;...]\r\n trailers \r\n</c>),
/// verifying each chunk signature as a chain seeded by the request signature, the trailer signature, and
/// that the decoded length matches <c>x-amz-decoded-content-length</c>. Trailing checksums are returned for
/// the caller to check against the decoded bytes.
/// </summary>
public static class AwsChunkedPayload
{
    private const string ChunkSignatureKey = "chunk-signature=";
    private const string TrailerSignatureHeader = "x-amz-trailer-signature";

    public static DecodedPayload Decode(byte[] body, VerifiedRequest request, string mode, long? decodedContentLength)
    {
        var signed = mode is ContentSha256.StreamingSigned or ContentSha256.StreamingSignedTrailer;
        var previousSignature = request.Signature;
        var data = new MemoryStream();
        var position = 0;
        while (true)
        {
            var header = ReadLine(body, ref position);
            var semicolon = header.IndexOf(';');
            var sizeText = semicolon < 0 ? header : header[..semicolon];
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new AuthFailure(AuthFailureKind.IncompleteBody, $"the aws-chunked chunk header '{header}' has no valid hex size");
            }

            if (position + size > body.Length)
            {
                throw new AuthFailure(AuthFailureKind.IncompleteBody, "the aws-chunked body ends inside a chunk");
            }

            var chunk = body.AsSpan(position, size);
            if (signed)
            {
                var provided = semicolon < 0 ? null : header[(semicolon + 1)..];
                if (provided is null || !provided.StartsWith(ChunkSignatureKey, StringComparison.Ordinal))
                {
                    throw new AuthFailure(AuthFailureKind.SignatureMismatch, "an aws-chunked chunk has no chunk-signature");
                }

                var stringToSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{request.AmzDate}\n{request.Scope}\n{previousSignature}\n{SigV4Signature.EmptySha256}\n{SigV4Signature.Sha256Hex(chunk)}";
                var expected = SigV4Signature.Sign(request.SigningKey, stringToSign);
                if (!SigV4Signature.SignaturesEqual(expected, provided[ChunkSignatureKey.Length..]))
                {
                    throw new AuthFailure(AuthFailureKind.SignatureMismatch, $"the signature of the aws-chunked chunk at byte {data.Length} does not match");
                }

                previousSignature = expected;
            }

            data.Write(chunk);
            position += size;
            if (size == 0)
            {
                break;
            }

            ExpectCrLf(body, ref position);
        }

        var trailers = ReadTrailers(body, ref position);
        if (mode == ContentSha256.StreamingSignedTrailer)
        {
            VerifyTrailerSignature(request, previousSignature, trailers);
        }

        trailers.Remove(TrailerSignatureHeader);
        if (decodedContentLength is { } expectedLength && expectedLength != data.Length)
        {
            throw new AuthFailure(AuthFailureKind.IncompleteBody,
                $"x-amz-decoded-content-length is {expectedLength} but the aws-chunked body decodes to {data.Length} bytes");
        }

        return new DecodedPayload(data.ToArray(), trailers);
    }

    private static void VerifyTrailerSignature(VerifiedRequest request, string previousSignature, Dictionary<string, string> trailers)
    {
        if (!trailers.TryGetValue(TrailerSignatureHeader, out var provided))
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch, "the aws-chunked body has no x-amz-trailer-signature");
        }

        var canonical = new StringBuilder();
        foreach (var (name, value) in trailers.Where(t => t.Key != TrailerSignatureHeader).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            canonical.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        var stringToSign = $"AWS4-HMAC-SHA256-TRAILER\n{request.AmzDate}\n{request.Scope}\n{previousSignature}\n{SigV4Signature.Sha256Hex(canonical.ToString())}";
        if (!SigV4Signature.SignaturesEqual(SigV4Signature.Sign(request.SigningKey, stringToSign), provided))
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch, "the signature of the aws-chunked trailer does not match");
        }
    }

    /// <summary>Reads <c>name:value</c> lines after the final chunk up to an empty line or the end of the body.</summary>
    private static Dictionary<string, string> ReadTrailers(byte[] body, ref int position)
    {
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (position < body.Length)
        {
            var line = ReadLine(body, ref position);
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new AuthFailure(AuthFailureKind.IncompleteBody, $"the aws-chunked trailer line '{line}' is not 'name:value'");
            }

            trailers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        return trailers;
    }

    private static string ReadLine(byte[] body, ref int position)
    {
        var start = position;
        var end = body.AsSpan(start).IndexOf("\r\n"u8);
        if (end < 0)
        {
            throw new AuthFailure(AuthFailureKind.IncompleteBody, "the aws-chunked body ends without a line terminator");
        }

        position = start + end + 2;
        return Encoding.ASCII.GetString(body, start, end);
    }

    private static void ExpectCrLf(byte[] body, ref int position)
    {
        if (position + 2 > body.Length || body[position] != '\r' || body[position + 1] != '\n')
        {
            throw new AuthFailure(AuthFailureKind.IncompleteBody, "an aws-chunked chunk is not followed by CRLF");
        }

        position += 2;
    }
}
