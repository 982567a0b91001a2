using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Auth;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Hosting;

/// <summary>Renders errors the way AWS's JSON protocols (awsJson 1.0/1.1, restJson) do.</summary>
public static class AwsJsonErrors
{
    // AWS writes quotes and apostrophes in messages as themselves, not as \u0027.
    internal static readonly JsonSerializerOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AwsServiceException FromAuthFailure(AuthFailure failure) => failure.Kind switch
    {
        AuthFailureKind.Missing => new AwsServiceException("MissingAuthenticationTokenException", "Missing Authentication Token"),
        AuthFailureKind.Malformed or AuthFailureKind.InvalidExpires => new AwsServiceException("IncompleteSignatureException", failure.Message),
        AuthFailureKind.UnknownAccessKey => new AwsServiceException("UnrecognizedClientException", "The security token included in the request is invalid."),
        AuthFailureKind.InvalidRegion => new AwsServiceException("InvalidSignatureException", failure.Message, 403),
        AuthFailureKind.RequestTimeTooSkewed => new AwsServiceException("InvalidSignatureException", failure.Message),
        AuthFailureKind.Expired => new AwsServiceException("InvalidSignatureException", $"Signature expired: the presigned request expired at {failure.ExpiredAt:yyyyMMdd'T'HHmmss'Z'}."),
        _ => new AwsServiceException("InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
    };

    public static async Task WriteAsync(HttpResponse response, AwsServiceException error, string contentType, CancellationToken cancellationToken)
    {
        response.StatusCode = error.StatusCode;
        response.ContentType = contentType;
        response.Headers["x-amzn-ErrorType"] = error.ErrorCode;
        var body = new JsonObject { ["__type"] = error.ErrorCode, ["message"] = error.Message };
        foreach (var (name, value) in error.Fields ?? [])
        {
            body[name] = value?.DeepClone();
        }
        await response.WriteAsync(body.ToJsonString(WireOptions), cancellationToken);
    }
}
