using System.Globalization;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// One request as <c>serve --log-requests</c> reports it. <paramref name="Operation"/> is the awsJson target's
/// operation or the query protocol's <c>Action</c>; REST calls (S3, Lambda) have no operation name on the wire, so it
/// is their method and path. <paramref name="Account"/> is the account the access key signs for, <c>-</c> when unsigned.
/// </summary>
public sealed record RequestLogEntry(string Method, string Service, string Operation, string Account, int Status, TimeSpan Duration)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Method} {Service} {Operation} {Account} {Status} {Duration.TotalMilliseconds:0.0} ms");
}
