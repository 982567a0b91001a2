using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// The service and access key a request was signed with, read from its SigV4 credential
/// (<c>KEY/DATE/REGION/SERVICE/aws4_request</c>, in the Authorization header or a presigned URL's
/// <c>X-Amz-Credential</c>). Routing and request logging use it only to name things; the signature itself is
/// verified by the service that answers.
/// </summary>
internal static class SigningService
{
    public static string? Of(HttpRequest request) => Credential(request) is { } scope ? scope[3] : null;

    public static string? AccessKeyOf(HttpRequest request) => Credential(request) is { } scope ? scope[0] : null;

    private static string[]? Credential(HttpRequest request)
    {
        var credential = request.Query["X-Amz-Credential"].ToString();
        if (credential.Length == 0)
        {
            var authorization = request.Headers.Authorization.ToString();
            var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            credential = authorization[(start + "Credential=".Length)..].Split(',')[0].Trim();
        }

        var scope = credential.Split('/');
        return scope.Length == 5 && scope[4] == "aws4_request" ? scope : null;
    }
}
