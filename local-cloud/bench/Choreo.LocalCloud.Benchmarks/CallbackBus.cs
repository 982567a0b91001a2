using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Api;

namespace Choreo.LocalCloud.Benchmarks;

/// <summary>
/// An event bus whose only target answers each event's task token with SendTaskSuccess through the API,
/// as a worker would after an EventBridge delivery.
/// </summary>
public sealed class CallbackBus : IEventBusGateway
{
    public StepFunctionsService? Service { get; set; }

    public Task<PutEventsResult> PutEventsAsync(AccountContext caller, IReadOnlyList<PutEventsEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            var token = JsonNode.Parse(entry.Detail!)!["token"]!.GetValue<string>();
            _ = Task.Run(() => Service!.HandleAsync(
                "SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{\"ok\":true}" }, caller, CancellationToken.None), cancellationToken);
        }

        return Task.FromResult(new PutEventsResult(0, entries.Select(_ => new PutEventsResultEntry(Guid.NewGuid().ToString())).ToArray()));
    }
}
