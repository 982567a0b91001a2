using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace LocalCloud.Tests.Integration;

/// <summary>
/// An awsJson 1.1 caller signed with AWSSDK.Core's SigV4 signer, as the SDKs send it: any operation of a
/// <c>X-Amz-Target</c> prefix, answering the HTTP status and the parsed JSON body.
/// </summary>
internal sealed class SignedAwsJsonClient(HttpClient http, Uri endpoint, string targetPrefix, string signingService, string accessKeyId, string secret = "test")
{
    private const string ContentType = "application/x-amz-json-1.1";

    public async Task<(int Status, JsonObject Body)> CallAsync(string operation, JsonObject request)
    {
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        var target = $"{targetPrefix}.{operation}";
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint, Content = body };
        signing.Headers["Content-Type"] = ContentType;
        signing.Headers["X-Amz-Target"] = target;
        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(accessKeyId, secret),
            Region = RegionEndpoint.USEast1,
            Service = signingService,
            SignedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        }, CancellationToken.None);

        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signed.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? [] : (JsonNode.Parse(text) as JsonObject ?? []));
    }
}
