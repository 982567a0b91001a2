using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// A service spoken in AWS's JSON protocols (awsJson 1.0 / 1.1): the endpoint routes a request by its
/// <c>X-Amz-Target</c> header (<c>{TargetPrefix}.{Operation}</c>) after verifying its signature.
/// Errors are thrown as <see cref="AwsServiceException"/> and rendered in AWS's error shape.
/// </summary>
public interface IAwsJsonService
{
    /// <summary>The X-Amz-Target prefix, e.g. <c>AWSEvents</c> or <c>AWSStepFunctions</c>.</summary>
    string TargetPrefix { get; }

    /// <summary>The service name in the SigV4 credential scope, e.g. <c>events</c> or <c>states</c>.</summary>
    string SigningName { get; }

    Task<JsonNode> HandleAsync(string operation, JsonNode request, AccountContext caller, CancellationToken cancellationToken);
}
