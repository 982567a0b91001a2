using System.Text;

namespace Choreo.LocalCloud.Auth;

/// <summary>Builds SigV4's canonical request and string to sign from the request as received.</summary>
public static class CanonicalRequest
{
    public static string Build(
        RequestToVerify request, bool isS3, IReadOnlyList<string> signedHeaders, string payloadHash, string? excludedQueryParameter = null)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalUri(request.RawPath, isS3)).Append('\n');
        builder.Append(CanonicalQuery(request.Query, excludedQueryParameter)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var value = request.Header(name)
                ?? throw new AuthFailure(AuthFailureKind.SignatureMismatch, $"the signed header '{name}' is not in the request");
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(value)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{SigV4Signature.Algorithm}\n{amzDate}\n{scope}\n{SigV4Signature.Sha256Hex(canonicalRequest)}";

    /// <summary>
    /// Each path segment decoded then encoded once (S3) or twice (every other service), so equivalent
    /// encodings a client may send all canonicalize alike.
    /// </summary>
    public static string CanonicalUri(string rawPath, bool isS3)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }

        var segments = rawPath.Split('/').Select(segment =>
        {
            var once = UriEncoding.Encode(UriEncoding.Decode(segment));
            return isS3 ? once : UriEncoding.Encode(once);
        });
        return string.Join('/', segments);
    }

    public static string CanonicalQuery(QueryParameters query, string? excludedParameter)
    {
        var encoded = query.Pairs
            .Where(p => p.Key != excludedParameter)
            .Select(p => (Name: UriEncoding.Encode(p.Key), Value: UriEncoding.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', encoded.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>Trimmed, with runs of spaces collapsed to one (SigV4's header canonicalization).</summary>
    private static string CanonicalHeaderValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value.Trim())
        {
            var space = c == ' ';
            if (!(space && previousSpace))
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }
}
