namespace Choreo.LocalCloud.Lambda.Runners.InProcess;

/// <summary>
/// Creates in-process handlers from a handler name and the function's environment (the same inputs the
/// bootstrap gets). The host application supplies it; local-cloud knows no handler code.
/// </summary>
public interface IInProcessFunctionFactory
{
    /// <param name="log">Where the function's log lines go: (request id if known, line).</param>
    IInProcessFunction Create(string handler, IReadOnlyDictionary<string, string> environment, Action<string?, string> log);
}
