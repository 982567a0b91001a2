using System.Text.Json.Nodes;
using Choreo.LocalCloud.Services;

namespace LocalCloud.Tests.StepFunctions;

/// <summary>
/// A Lambda for Distributed Map children: echoes its payload, fails (Unhandled) for payloads holding
/// <c>"bad": true</c> while <see cref="FailBadItems"/> is set, and counts how many calls are in flight.
/// </summary>
public sealed class ItemLambda : ILambdaInvoker
{
    private int _calls;

    public bool FailBadItems { get; set; } = true;

    public int Calls => Volatile.Read(ref _calls);

    public Task<LambdaInvokeResult> InvokeAsync(string functionArn, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var bad = JsonNode.Parse(payload) is JsonObject obj && obj["bad"] is JsonValue flag && flag.GetValue<bool>();
        return Task.FromResult(bad && FailBadItems
            ? new LambdaInvokeResult(200, """{"errorType":"ItemRejected","errorMessage":"bad item"}""", "Unhandled")
            : new LambdaInvokeResult(200, payload, null));
    }
}
