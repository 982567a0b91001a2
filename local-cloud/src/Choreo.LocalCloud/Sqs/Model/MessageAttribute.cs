namespace Choreo.LocalCloud.Sqs.Model;

/// <summary>A message attribute as SQS keeps it: its data type (<c>String</c>, <c>Number</c>, <c>Binary</c>, optionally with a custom suffix) and value.</summary>
public sealed record MessageAttribute(string DataType, string? StringValue, byte[]? BinaryValue = null);
