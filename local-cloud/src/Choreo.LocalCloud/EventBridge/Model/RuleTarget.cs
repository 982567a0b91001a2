namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>
/// A target of a rule as PutTargets (or <c>AWS::Events::Rule</c>) set it. At most one of <see cref="Input"/>,
/// <see cref="InputPath"/> and <see cref="InputTransformer"/>; without any, the whole event is delivered.
/// </summary>
public sealed record RuleTarget(
    string Id,
    string Arn,
    string? RoleArn,
    string? Input,
    string? InputPath,
    TargetInputTransformer? InputTransformer,
    TargetRetryPolicy RetryPolicy,
    string? DeadLetterArn);
