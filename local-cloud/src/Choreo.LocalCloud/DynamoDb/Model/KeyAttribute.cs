namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>A key attribute of a table or index: its name and scalar type (S, N or B).</summary>
public sealed record KeyAttribute(string Name, AttributeType Type);
