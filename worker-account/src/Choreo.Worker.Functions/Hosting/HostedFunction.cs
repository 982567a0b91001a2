using Choreo.Worker.Functions.Configuration;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Hosting;

/// <summary>
/// One worker function, ready to invoke: the handler its <c>_HANDLER</c> names plus the clients it owns
/// (created once, reused by every invocation, released on dispose).
/// </summary>
public sealed class HostedFunction : IFunctionHandler, IDisposable
{
    private readonly IFunctionHandler _handler;
    private readonly IReadOnlyList<IDisposable> _owned;

    internal HostedFunction(string handlerName, WorkerConfiguration configuration, JsonLineLogger log, IFunctionHandler handler, IReadOnlyList<IDisposable> owned)
    {
        HandlerName = handlerName;
        Configuration = configuration;
        Log = log;
        _handler = handler;
        _owned = owned;
    }

    public string HandlerName { get; }

    public WorkerConfiguration Configuration { get; }

    public JsonLineLogger Log { get; }

    /// <summary>Returns the function's JSON response (null for these event-driven handlers); throws on an unhandled error.</summary>
    public Task<string?> InvokeAsync(string eventJson, InvocationContext context, CancellationToken cancellationToken) =>
        _handler.InvokeAsync(eventJson, context, cancellationToken);

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
