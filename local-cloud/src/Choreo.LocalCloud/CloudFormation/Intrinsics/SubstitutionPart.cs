namespace Choreo.LocalCloud.CloudFormation.Intrinsics;

/// <summary>One piece of an Fn::Sub string: literal text, or a <c>${Variable}</c> to replace.</summary>
public sealed record SubstitutionPart(string Text, bool IsVariable);
