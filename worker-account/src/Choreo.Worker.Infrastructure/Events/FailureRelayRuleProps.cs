using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Lambda;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>Which crashes the failure relay turns into <c>failed</c> events.</summary>
/// <param name="Bus">The bus that receives Lambda's on-failure records.</param>
/// <param name="Relay">The failureRelay function.</param>
/// <param name="TaskFunctions">The functions whose crash fails the task their event's token belongs to.</param>
/// <param name="TaskSources">The sources of the events that carry task tokens.</param>
public sealed record FailureRelayRuleProps(
    IEventBus Bus, IFunction Relay, IReadOnlyList<IFunction> TaskFunctions, IReadOnlyList<string> TaskSources);
