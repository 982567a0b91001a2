using Choreo.LocalCloud.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// The request as it came over the wire: SigV4 signs the path as the client encoded it, which ASP.NET Core
/// has already decoded in <c>Request.Path</c>, so this reads the raw request target instead.
/// </summary>
public static class ReceivedRequest
{
    public static (string RawPath, string RawQuery) RawTarget(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            return (context.Request.PathBase + context.Request.Path, context.Request.QueryString.Value ?? string.Empty);
        }

        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(target);
            target = uri.PathAndQuery;
        }

        var question = target.IndexOf('?');
        return question < 0 ? (target, string.Empty) : (target[..question], target[(question + 1)..]);
    }

    public static RequestToVerify ToVerify(HttpContext context)
    {
        var (rawPath, rawQuery) = RawTarget(context);
        var headers = context.Request.Headers;
        return new RequestToVerify(
            context.Request.Method,
            rawPath,
            QueryParameters.Parse(rawQuery),
            name => headers.TryGetValue(name, out var values) ? string.Join(',', values.ToArray()) : null);
    }

    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
