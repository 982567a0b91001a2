namespace Choreo.LocalCloud.CloudFormation.Deployment;

/// <summary>
/// Inputs a deploy takes besides the template: parameter values (override defaults), and the values of SSM
/// parameters that <c>AWS::SSM::Parameter::Value&lt;...&gt;</c> parameters name (local-cloud has no SSM).
/// </summary>
public sealed record DeployOptions
{
    public static DeployOptions Default { get; } = new();

    /// <summary>Template parameter name → value; for list types a comma-separated value.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>SSM parameter name (e.g. <c>/cdk-bootstrap/hnb659fds/version</c>) → value.</summary>
    public IReadOnlyDictionary<string, string> SsmParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The value of CDK's bootstrap version SSM parameter (<c>/cdk-bootstrap/{qualifier}/version</c>) when
    /// <see cref="SsmParameters"/> does not name it: local-cloud acts as a bootstrapped environment.
    /// </summary>
    public string BootstrapVersion { get; init; } = "21";
}
