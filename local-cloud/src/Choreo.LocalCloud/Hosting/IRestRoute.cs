using Choreo.LocalCloud.Accounts;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// A REST API served on the shared endpoint before S3 is tried, e.g. Lambda's <c>/2015-03-31/functions/...</c>.
/// The host verifies the SigV4 signature against <see cref="SigningName"/> (the body is buffered and
/// rewound first) and renders an <see cref="AwsServiceException"/> as AWS's JSON error.
/// </summary>
public interface IRestRoute
{
    /// <summary>The service name in the credential scope; null for unauthenticated APIs (the Lambda Runtime API).</summary>
    string? SigningName { get; }

    bool Matches(HttpRequest request);

    /// <param name="caller">The verified caller; null when <see cref="SigningName"/> is null.</param>
    Task HandleAsync(HttpContext context, AccountContext? caller, CancellationToken cancellationToken);
}
