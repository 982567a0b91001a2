using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>Writes S3's XML answers.</summary>
internal static class S3Response
{
    public static async Task WriteXmlAsync(HttpContext context, int status, string xml, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(xml, cancellationToken);
    }
}
