namespace Choreo.LocalCloud.S3.Api;

/// <summary>What a bucket policy says about a request: nothing, an explicit allow, or an explicit deny.</summary>
public enum PolicyEffect
{
    NotApplicable,
    Allow,
    Deny,
}
