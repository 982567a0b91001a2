namespace Choreo.LocalCloud.CloudFormation.Stacks;

/// <summary>A resolved stack output; <paramref name="ExportName"/> is set when the output is exported.</summary>
public sealed record StackOutput(string Key, string Value, string? ExportName, string? Description);
