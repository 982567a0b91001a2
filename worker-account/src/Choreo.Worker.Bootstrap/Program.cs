using System.Collections;
using Choreo.Worker.Functions.Hosting;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

// The one bootstrap of every worker function on provided.al2023: _HANDLER picks the handler, the environment is
// read once here, and the runtime loop serves invocations until Lambda freezes or ends the process.
var environment = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
}

var functionName = environment.GetValueOrDefault("AWS_LAMBDA_FUNCTION_NAME") ?? "bootstrap";
var log = new JsonLineLogger(Console.Out, functionName, TimeProvider.System);
if (environment.GetValueOrDefault("AWS_LAMBDA_RUNTIME_API") is not { Length: > 0 } runtimeApi)
{
    log.Error(null, "bootstrap: AWS_LAMBDA_RUNTIME_API is not set; this program runs as a Lambda custom runtime (provided.al2023)");
    return 2;
}

// No timeout: GET /next is a long poll that Lambda holds open until the next event.
using var runtimeHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
var loop = new LambdaRuntimeLoop(new RuntimeApiClient(runtimeHttp, runtimeApi, functionName), log, TimeProvider.System);

HostedFunction function;
try
{
    function = FunctionCatalog.Create(environment.GetValueOrDefault("_HANDLER") ?? string.Empty, environment);
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException)
{
    await loop.ReportInitErrorAsync(e, CancellationToken.None);
    return 1;
}

using (function)
{
    await loop.RunAsync(function, CancellationToken.None);
}
return 0;
