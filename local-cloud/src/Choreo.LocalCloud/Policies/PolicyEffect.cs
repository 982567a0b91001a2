namespace Choreo.LocalCloud.Policies;

/// <summary>What a resource policy says about a request: nothing, an explicit allow, or an explicit deny.</summary>
public enum PolicyEffect
{
    NotApplicable,
    Allow,
    Deny,
}
