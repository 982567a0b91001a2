using System.Globalization;
using System.Text;
using Amazon.Runtime.Internal.Auth;

namespace LocalCloud.Tests.Lambda;

/// <summary>Builds a SigV4-signed request for the Lambda API by hand (AWSSDK.Core's signer computes the signature).</summary>
internal static class SignedLambdaRequest
{
    public static HttpRequestMessage Create(
        HttpMethod method, Uri baseUrl, string[] pathSegments, string? body, DateTimeOffset now,
        string accessKey = "222222222222", string secret = "test", string region = "us-east-1", IReadOnlyDictionary<string, string>? headers = null, string query = "")
    {
        // Clients send each path segment URI-encoded; SigV4 (every service but S3) encodes it once more.
        var encodedPath = "/" + string.Join('/', pathSegments.Select(Uri.EscapeDataString));
        var canonicalUri = "/" + string.Join('/', pathSegments.Select(s => Uri.EscapeDataString(Uri.EscapeDataString(s))));
        var canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => $"{Uri.EscapeDataString(pair[0])}={Uri.EscapeDataString(pair.Length > 1 ? pair[1] : string.Empty)}")
            .Order(StringComparer.Ordinal));
        var bytes = Encoding.UTF8.GetBytes(body ?? string.Empty);
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = $"{baseUrl.Host}:{baseUrl.Port}";
        var payloadHash = Convert.ToHexStringLower(AWS4Signer.ComputeHash(bytes));
        var canonicalRequest = $"{method.Method}\n{canonicalUri}\n{canonicalQuery}\nhost:{host}\nx-amz-date:{amzDate}\n\nhost;x-amz-date\n{payloadHash}";
        var signature = AWS4Signer.ComputeSignature(accessKey, secret, region, now.UtcDateTime, "lambda", "host;x-amz-date", canonicalRequest);

        var request = new HttpRequestMessage(method, new Uri(baseUrl, query.Length == 0 ? encodedPath : $"{encodedPath}?{query}"));
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
        }
        return request;
    }
}
