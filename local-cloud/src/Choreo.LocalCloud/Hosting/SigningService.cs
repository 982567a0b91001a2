using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// The service a request was signed for, read from its SigV4 credential scope (<c>KEY/DATE/REGION/SERVICE/aws4_request</c>,
/// in the Authorization header or a presigned URL's <c>X-Amz-Credential</c>). Routing uses it only to tell a REST call
/// for a service local-cloud lacks from an S3 call; the signature itself is verified by the service that answers.
/// </summary>
internal static class SigningService
{
    public static string? Of(HttpRequest request)
    {
        var credential = request.Query["X-Amz-Credential"].ToString();
        if (credential.Length == 0 && request.Headers.Authorization.ToString() is { } authorization)
        {
            var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            credential = authorization[(start + "Credential=".Length)..].Split(',')[0].Trim();
        }

        var scope = credential.Split('/');
        return scope.Length == 5 && scope[4] == "aws4_request" ? scope[3] : null;
    }
}
