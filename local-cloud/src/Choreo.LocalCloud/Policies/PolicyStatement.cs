using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.Policies;

/// <summary>
/// One validated statement of a resource policy. A null list is an element the statement does not have (so
/// <c>Action</c> null means the statement uses <c>NotAction</c>). <see cref="ServicePrincipals"/> are the
/// <c>Principal.Service</c> entries (<c>events.amazonaws.com</c>, ...).
/// </summary>
public sealed record PolicyStatement(
    bool IsDeny,
    IReadOnlyList<string>? Principals,
    IReadOnlyList<string>? NotPrincipals,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? NotActions,
    IReadOnlyList<string>? Resources,
    IReadOnlyList<string>? NotResources,
    JsonObject? Condition,
    IReadOnlyList<string>? ServicePrincipals = null);
