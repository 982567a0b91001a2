namespace Choreo.Worker.Runtime.Lambda;

/// <summary>
/// A function as Lambda runs it: an event in, an optional JSON response out. Throwing reports an invocation
/// error, so Lambda's retries and failure destination see it.
/// </summary>
public interface IFunctionHandler
{
    Task<string?> InvokeAsync(string eventJson, InvocationContext context, CancellationToken cancellationToken);
}
