using Choreo.Worker.Runtime.Lambda;

namespace Worker.Tests.Runtime.Fakes;

/// <summary>A function made of a lambda, recording the contexts it was invoked with.</summary>
public sealed class DelegateFunctionHandler(Func<string, InvocationContext, CancellationToken, Task<string?>> invoke) : IFunctionHandler
{
    public List<InvocationContext> Contexts { get; } = [];

    public Task<string?> InvokeAsync(string eventJson, InvocationContext context, CancellationToken cancellationToken)
    {
        Contexts.Add(context);
        return invoke(eventJson, context, cancellationToken);
    }
}
