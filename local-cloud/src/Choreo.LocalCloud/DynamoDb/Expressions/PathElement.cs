namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>One step of a document path: a map key (<see cref="Name"/>) or a list index.</summary>
public sealed record PathElement(string? Name, int Index)
{
    public override string ToString() => Name ?? $"[{Index}]";
}
