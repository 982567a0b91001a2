using System.Globalization;
using System.Text;
using Amazon.Runtime.Internal.Auth;

namespace Hostile.Tests;

/// <summary>
/// SigV4-signed requests built by hand, so a probe can choose what an SDK never sends: any region in the scope,
/// any date, any body. AWSSDK.Core computes the signature; everything else is written out here.
/// </summary>
internal static class RawSignedRequest
{
    public const string Secret = "test";

    /// <summary>An awsJson request (<c>POST /</c> with <c>X-Amz-Target</c>) to a JSON service.</summary>
    public static HttpRequestMessage Json(
        Uri baseUrl, string signingName, string target, string body, string accessKey, string region = "us-east-1", DateTimeOffset? signedAt = null) =>
        Build(HttpMethod.Post, baseUrl, "/", "", Encoding.UTF8.GetBytes(body), signingName, accessKey, region, signedAt ?? TimeProvider.System.GetUtcNow(),
            new Dictionary<string, string> { ["x-amz-target"] = target }, "application/x-amz-json-1.1", s3: false);

    /// <summary>A path-style S3 request with a hashed (signed) payload.</summary>
    public static HttpRequestMessage S3(
        HttpMethod method, Uri baseUrl, string path, string accessKey, string region = "us-east-1", DateTimeOffset? signedAt = null,
        string query = "", byte[]? body = null) =>
        Build(method, baseUrl, path, query, body ?? [], "s3", accessKey, region, signedAt ?? TimeProvider.System.GetUtcNow(),
            new Dictionary<string, string>(), null, s3: true);

    private static HttpRequestMessage Build(
        HttpMethod method, Uri baseUrl, string path, string query, byte[] body, string signingName, string accessKey, string region,
        DateTimeOffset signedAt, Dictionary<string, string> extraHeaders, string? contentType, bool s3)
    {
        var amzDate = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = $"{baseUrl.Host}:{baseUrl.Port}";
        var payloadHash = Convert.ToHexStringLower(AWS4Signer.ComputeHash(body));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-amz-date"] = amzDate,
        };
        if (s3)
        {
            headers["x-amz-content-sha256"] = payloadHash;
        }

        foreach (var (name, value) in extraHeaders)
        {
            headers[name] = value;
        }

        var canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => $"{Uri.EscapeDataString(pair[0])}={Uri.EscapeDataString(pair.Length > 1 ? pair[1] : string.Empty)}")
            .Order(StringComparer.Ordinal));
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalHeaders = string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"));
        var canonicalRequest = $"{method.Method}\n{path}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
        var signature = AWS4Signer.ComputeSignature(accessKey, Secret, region, signedAt.UtcDateTime, signingName, signedHeaders, canonicalRequest);

        var request = new HttpRequestMessage(method, new Uri(baseUrl, query.Length == 0 ? path : $"{path}?{query}"));
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body.Length > 0 || method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return request;
    }
}
