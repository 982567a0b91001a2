using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Auth;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// Serves awsJson 1.0/1.1: <c>POST /</c> with <c>X-Amz-Target: Prefix.Operation</c>, verifies the SigV4
/// signature against the target service's signing name, and hands the parsed body to that service.
/// </summary>
internal sealed class AwsJsonEndpoint(IReadOnlyList<IAwsJsonService> services, SignatureVerifier verifier)
{
    private const string DefaultContentType = "application/x-amz-json-1.1";

    public async Task HandleAsync(HttpContext context, string target)
    {
        var cancellationToken = context.RequestAborted;
        var contentType = context.Request.ContentType is { } requested && requested.StartsWith("application/x-amz-json-1.", StringComparison.Ordinal)
            ? requested.Split(';')[0]
            : DefaultContentType;
        context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
        try
        {
            var dot = target.LastIndexOf('.');
            var prefix = dot < 0 ? target : target[..dot];
            var operation = dot < 0 ? string.Empty : target[(dot + 1)..];
            var service = services.FirstOrDefault(s => s.TargetPrefix == prefix);
            if (service is null || operation.Length == 0)
            {
                throw new AwsServiceException("UnknownOperationException", $"local-cloud serves no operation for X-Amz-Target '{target}'");
            }

            var body = await ReceivedRequest.ReadBodyAsync(context.Request, cancellationToken);
            var verified = Verify(context, service.SigningName, body);
            JsonNode request;
            try
            {
                request = body.Length == 0 ? new JsonObject() : JsonNode.Parse(body) ?? new JsonObject();
            }
            catch (JsonException e)
            {
                throw new AwsServiceException("SerializationException", $"the body of {target} is not valid JSON: {e.Message}");
            }

            var response = await service.HandleAsync(operation, request, verified.Caller, cancellationToken);
            context.Response.StatusCode = 200;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(response.ToJsonString(AwsJsonErrors.WireOptions), cancellationToken);
        }
        catch (AwsServiceException e)
        {
            await AwsJsonErrors.WriteAsync(context.Response, e, contentType, cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Source?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true)
        {
            // A member of the wrong JSON type (a number where a string belongs, ...) reached a JsonNode accessor.
            var refused = new AwsServiceException("SerializationException", $"the body of {target} has a member of the wrong type: {e.Message}");
            await AwsJsonErrors.WriteAsync(context.Response, refused, contentType, cancellationToken);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            var refused = new AwsServiceException("ValidationException", $"a value in the {target} request took too long to validate; it is refused");
            await AwsJsonErrors.WriteAsync(context.Response, refused, contentType, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = new AwsServiceException("InternalFailure", $"local-cloud failed to handle {target}: {e.GetType().Name}: {e.Message}", 500);
            await AwsJsonErrors.WriteAsync(context.Response, failure, contentType, cancellationToken);
        }
    }

    private VerifiedRequest Verify(HttpContext context, string signingName, byte[] body)
    {
        try
        {
            var bodyHash = SigV4Signature.Sha256Hex(body);
            var verified = verifier.Verify(ReceivedRequest.ToVerify(context), signingName, isS3: false, bodyHash);
            if (ContentSha256.IsHash(verified.PayloadHash) && !string.Equals(verified.PayloadHash, bodyHash, StringComparison.OrdinalIgnoreCase))
            {
                throw new AuthFailure(AuthFailureKind.ContentSha256Mismatch, "the body does not match x-amz-content-sha256");
            }

            return verified;
        }
        catch (AuthFailure failure)
        {
            throw AwsJsonErrors.FromAuthFailure(failure);
        }
    }
}
