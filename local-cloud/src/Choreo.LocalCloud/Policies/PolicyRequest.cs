namespace Choreo.LocalCloud.Policies;

/// <summary>
/// What a resource policy is asked about one request: the calling account, the action and the resource ARN, and
/// the request's condition keys (null when the service evaluates no conditions, so statements with a
/// <c>Condition</c> neither allow nor deny). A service principal (EventBridge delivering as <c>events.amazonaws.com</c>)
/// is asked about with <see cref="PrincipalService"/> and no account. Keys in <see cref="UndecidedKeys"/> have no
/// value yet (an event's source when a bus target is created): an Allow that conditions on them may still admit, and
/// a Deny that conditions on them is not known to apply.
/// </summary>
public sealed record PolicyRequest(
    string PrincipalAccount,
    string Action,
    string Resource,
    IReadOnlyDictionary<string, string>? ConditionKeys = null,
    string? PrincipalService = null,
    IReadOnlySet<string>? UndecidedKeys = null);
