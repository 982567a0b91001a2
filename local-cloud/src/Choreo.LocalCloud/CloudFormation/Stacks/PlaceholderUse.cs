namespace Choreo.LocalCloud.CloudFormation.Stacks;

/// <summary>
/// A value that stood in for a skipped resource: <paramref name="Attribute"/> is <c>Ref</c> or the
/// Fn::GetAtt attribute, <paramref name="Location"/> the template location that used it.
/// </summary>
public sealed record PlaceholderUse(string LogicalId, string ResourceType, string Attribute, string Value, string Location);
