using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Lambda.Runners.InProcess;
using Choreo.LocalCloud.StepFunctions.Api;

namespace Choreo.LocalCloud.Benchmarks;

/// <summary>
/// Creates the benchmark's one handler. Step Functions is reached through a factory because the instance
/// that owns it is built after its options (which carry this factory).
/// </summary>
public sealed class TaskTokenAnsweringFunctionFactory(Func<StepFunctionsService> stepFunctions, AccountContext caller) : IInProcessFunctionFactory
{
    public const string Handler = "bench::answer-task-token";

    public IInProcessFunction Create(string handler, IReadOnlyDictionary<string, string> environment, Action<string?, string> log) =>
        handler == Handler
            ? new TaskTokenAnsweringFunction(stepFunctions, caller)
            : throw new ArgumentException($"Benchmark has no in-process handler '{handler}' (only '{Handler}').", nameof(handler));
}
