using System.Diagnostics;
using Choreo.LocalCloud.Lambda.Model;

namespace Choreo.LocalCloud.Lambda.Runners.Process;

/// <summary>
/// One warm execution environment: the function's real <c>bootstrap</c> process with its own Runtime API
/// server. It runs one invocation at a time, as Lambda's environments do; its output lines are logged
/// under the request id it is working on.
/// </summary>
internal sealed class ExecutionEnvironment : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly RuntimeApiServer _server;
    private readonly Action<string?, string> _log;
    private volatile string? _currentRequestId;

    private ExecutionEnvironment(System.Diagnostics.Process process, RuntimeApiServer server, Action<string?, string> log)
    {
        _process = process;
        _server = server;
        _log = log;
    }

    public bool HasExited => _process.HasExited;

    public static async Task<ExecutionEnvironment> StartAsync(LambdaFunction function, IReadOnlyDictionary<string, string> environment, Action<string?, string> log, CancellationToken cancellationToken)
    {
        var bootstrap = Path.Combine(function.CodeDirectory ?? throw new InvalidOperationException($"Function {function.Name} has no code directory."), "bootstrap");
        if (!File.Exists(bootstrap))
        {
            throw new FileNotFoundException($"Function {function.Name}: no 'bootstrap' in {function.CodeDirectory} (build the worker bootstrap first).", bootstrap);
        }
        var server = await RuntimeApiServer.StartAsync(cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo(bootstrap)
        {
            WorkingDirectory = function.CodeDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = server.Address;
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["TZ"] = ":UTC";

        var process = new System.Diagnostics.Process { StartInfo = start, EnableRaisingEvents = true };
        var instance = new ExecutionEnvironment(process, server, log);
        process.OutputDataReceived += (_, e) => instance.Line(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Line(e.Data);
        process.Exited += (_, _) => server.FailAll(new FunctionError("Runtime.ExitError", $"RequestId: {instance._currentRequestId} Error: Runtime exited with error: exit status {SafeExitCode(process)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    public async Task<FunctionOutcome> InvokeAsync(string payload, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        _currentRequestId = context.RequestId;
        try
        {
            var invocation = _server.InvokeAsync(payload, context, cancellationToken);
            var finished = await Task.WhenAny(invocation, _server.InitError).ConfigureAwait(false);
            return finished == invocation
                ? await invocation.ConfigureAwait(false)
                : new FunctionOutcome(null, await _server.InitError.ConfigureAwait(false));
        }
        finally
        {
            _currentRequestId = null;
        }
    }

    private void Line(string? line)
    {
        if (line is not null)
        {
            _log(_currentRequestId, line);
        }
    }

    private static string SafeExitCode(System.Diagnostics.Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }
        _process.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }
}
