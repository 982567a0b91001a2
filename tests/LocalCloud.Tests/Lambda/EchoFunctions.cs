using System.Text.Json.Nodes;
using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Lambda.Runners.InProcess;

namespace LocalCloud.Tests.Lambda;

/// <summary>In-process handlers for API tests: <c>Echo</c> returns its event and environment, <c>Fail</c> throws.</summary>
internal sealed class EchoFunctions : IInProcessFunctionFactory
{
    public int EchoRuns;

    public IInProcessFunction Create(string handler, IReadOnlyDictionary<string, string> environment, Action<string?, string> log) => handler switch
    {
        "Echo" => new Echo(this, environment),
        "Fail" => new Fail(),
        _ => throw new InvalidOperationException($"no handler {handler}"),
    };

    private sealed class Echo(EchoFunctions owner, IReadOnlyDictionary<string, string> environment) : IInProcessFunction
    {
        public Task<string?> InvokeAsync(string eventJson, LambdaInvocationContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner.EchoRuns);
            var response = new JsonObject
            {
                ["event"] = JsonNode.Parse(eventJson),
                ["function"] = environment["AWS_LAMBDA_FUNCTION_NAME"],
                ["requestId"] = context.RequestId,
            };
            return Task.FromResult<string?>(response.ToJsonString());
        }
    }

    private sealed class Fail : IInProcessFunction
    {
        public Task<string?> InvokeAsync(string eventJson, LambdaInvocationContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the bucket is empty");
    }
}
