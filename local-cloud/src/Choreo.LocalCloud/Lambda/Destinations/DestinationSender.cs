using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Services;

namespace Choreo.LocalCloud.Lambda.Destinations;

/// <summary>
/// Delivers invocation records to a destination. EventBridge buses are supported (Choreo's worker sends its
/// failures to its bus); any other destination type is reported as not supported, never silently dropped.
/// </summary>
public sealed class DestinationSender(IEventBusGateway events, Action<string> warn)
{
    public async Task SendAsync(AccountContext functionAccount, string destinationArn, string detailType, JsonObject record, string functionArn, CancellationToken cancellationToken)
    {
        var service = Arn.TryParse(destinationArn, out var destination) ? destination.Service : string.Empty;
        if (service != "events")
        {
            warn($"Lambda destination {destinationArn} of {functionArn}: only EventBridge bus destinations are supported locally; the record was not delivered: {record.ToJsonString()}");
            return;
        }
        var result = await events.PutEventsAsync(
            functionAccount,
            [new PutEventsEntry(InvocationResultRecord.Source, detailType, record.ToJsonString(), destinationArn, [functionArn])],
            cancellationToken).ConfigureAwait(false);
        if (result.FailedEntryCount > 0)
        {
            var entry = result.Entries[0];
            warn($"Lambda destination {destinationArn} of {functionArn} refused the record: {entry.ErrorCode} {entry.ErrorMessage}");
        }
    }
}
