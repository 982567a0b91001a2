using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.S3.Api;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// Sends each request to its service: <c>X-Amz-Target</c> to the JSON services, then the first REST route
/// that matches, then a query-protocol call nothing serves (<c>InvalidAction</c>), then a REST call signed for a
/// service other than S3 (<c>UnknownOperationException</c>), then S3 (which owns every remaining path and the bucket virtual hosts).
/// </summary>
internal sealed class RequestRouter(
    AwsJsonEndpoint json, IReadOnlyList<IRestRoute> restRoutes, S3Endpoint s3, SignatureVerifier verifier)
{
    public async Task RouteAsync(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue("X-Amz-Target", out var target))
        {
            await json.HandleAsync(context, target.ToString());
            return;
        }

        var route = restRoutes.FirstOrDefault(r => r.Matches(context.Request));
        if (route is not null)
        {
            await HandleRestAsync(context, route);
            return;
        }

        if (await QueryProtocolRefusal.ReadAsync(context.Request, context.RequestAborted) is var (action, version))
        {
            await QueryProtocolRefusal.WriteAsync(context, action, version, context.RequestAborted);
            return;
        }

        if (SigningService.Of(context.Request) is { } service && service != "s3")
        {
            // A REST call signed for a service that has no route here (Lambda layers, an unserved service): AWS's
            // REST protocols answer an unknown operation with 404 UnknownOperationException.
            context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
            var unknown = new AwsServiceException("UnknownOperationException", $"local-cloud's {service} serves no operation for {context.Request.Method} {context.Request.Path}", 404);
            await AwsJsonErrors.WriteAsync(context.Response, unknown, "application/json", context.RequestAborted);
            return;
        }

        await s3.HandleAsync(context);
    }

    private async Task HandleRestAsync(HttpContext context, IRestRoute route)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
        try
        {
            AccountContext? caller = null;
            if (route.SigningName is { } signingName)
            {
                var body = await ReceivedRequest.ReadBodyAsync(context.Request, cancellationToken);
                context.Request.Body = new MemoryStream(body, writable: false);
                try
                {
                    caller = verifier.Verify(ReceivedRequest.ToVerify(context), signingName, isS3: false, SigV4Signature.Sha256Hex(body)).Caller;
                }
                catch (AuthFailure failure)
                {
                    throw AwsJsonErrors.FromAuthFailure(failure);
                }
            }

            await route.HandleAsync(context, caller, cancellationToken);
        }
        catch (AwsServiceException e) when (!context.Response.HasStarted)
        {
            await AwsJsonErrors.WriteAsync(context.Response, e, "application/json", cancellationToken);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException) when (!context.Response.HasStarted)
        {
            var refused = new AwsServiceException("ValidationException", $"a value in {context.Request.Method} {context.Request.Path} took too long to validate; it is refused");
            await AwsJsonErrors.WriteAsync(context.Response, refused, "application/json", cancellationToken);
        }
        catch (Exception e) when (!context.Response.HasStarted && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            var failure = new AwsServiceException("ServiceException", $"local-cloud failed to handle {context.Request.Method} {context.Request.Path}: {e.GetType().Name}: {e.Message}", 500);
            await AwsJsonErrors.WriteAsync(context.Response, failure, "application/json", cancellationToken);
        }
    }
}
