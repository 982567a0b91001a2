using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Lambda;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>Which bus carries Lambda's failure records, and which functions are side effects.</summary>
public sealed record SideEffectDeadLettersProps
{
    /// <summary>The worker bus, the side-effect functions' on-failure destination.</summary>
    public required IEventBus Bus { get; init; }

    /// <summary>The functions whose failures are kept here.</summary>
    public required IReadOnlyList<IFunction> SideEffects { get; init; }
}
