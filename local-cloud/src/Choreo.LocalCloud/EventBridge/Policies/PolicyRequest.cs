namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// One question to a resource policy: may <see cref="Principal"/> perform <see cref="Action"/> on
/// <see cref="ResourceArn"/>, given the condition keys in <see cref="Context"/>? Keys in
/// <see cref="UndecidedKeys"/> have no value yet (an event's source when a target is created): an Allow that
/// conditions on them may still admit, and a Deny that conditions on them is not known to apply.
/// </summary>
public sealed record PolicyRequest(
    PolicyPrincipal Principal,
    string Action,
    string ResourceArn,
    IReadOnlyDictionary<string, string> Context,
    IReadOnlySet<string>? UndecidedKeys = null);
