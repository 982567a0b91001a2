using Choreo.Cli.Functions;
using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Lambda.Runners.InProcess;

namespace EndToEnd.Tests;

/// <summary>
/// The worker's real handlers, in-process, with a fault put in front of some of them: a test names a
/// handler and says what to do instead of (or around) it.
/// </summary>
internal sealed class ScriptedFunctions : IInProcessFunctionFactory
{
    private readonly WorkerFunctionFactory _real = new();
    private readonly Dictionary<string, Func<IInProcessFunction, IInProcessFunction>> _overrides = new(StringComparer.Ordinal);

    public ScriptedFunctions Replace(string handler, Func<IInProcessFunction, IInProcessFunction> wrap)
    {
        _overrides[handler] = wrap;
        return this;
    }

    public IInProcessFunction Create(string handler, IReadOnlyDictionary<string, string> environment, Action<string?, string> log)
    {
        var real = _real.Create(handler, environment, log);
        return _overrides.TryGetValue(handler, out var wrap) ? wrap(real) : real;
    }
}
