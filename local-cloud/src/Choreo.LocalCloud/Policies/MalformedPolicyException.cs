namespace Choreo.LocalCloud.Policies;

/// <summary>A resource policy that does not follow IAM's policy grammar; the message is the reason AWS gives.</summary>
public sealed class MalformedPolicyException(string reason) : Exception(reason);
