namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>The four clauses of an update expression.</summary>
public enum UpdateActionKind
{
    Set,
    Remove,
    Add,
    Delete,
}
