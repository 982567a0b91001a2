namespace Choreo.LocalCloud.CloudFormation.Assembly;

/// <summary>A cloud assembly (cdk.out) that cannot be read, or a stack address that matches no stack or several.</summary>
public sealed class CloudAssemblyException(string message) : Exception(message);
