namespace Choreo.LocalCloud.Policies;

/// <summary>
/// What a resource policy is asked about one request: the calling account, the action and the resource ARN, and
/// the request's condition keys (null when the service evaluates no conditions, so statements with a
/// <c>Condition</c> neither allow nor deny).
/// </summary>
public sealed record PolicyRequest(
    string PrincipalAccount, string Action, string Resource, IReadOnlyDictionary<string, string>? ConditionKeys = null);
