using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Lambda.Runners.InProcess;
using Choreo.Worker.Functions.Hosting;

namespace Choreo.Cli.Functions;

/// <summary>
/// Runs the worker's handler classes in this process: the same <see cref="FunctionCatalog"/> the AOT
/// bootstrap uses, fed the function's environment from the template.
/// </summary>
public sealed class WorkerFunctionFactory : IInProcessFunctionFactory
{
    public IInProcessFunction Create(string handler, IReadOnlyDictionary<string, string> environment, Action<string?, string> log) =>
        new InProcessWorkerFunction(FunctionCatalog.Create(handler, environment, new FunctionHostOptions(LogOutput: new FunctionLogWriter(log))));
}
