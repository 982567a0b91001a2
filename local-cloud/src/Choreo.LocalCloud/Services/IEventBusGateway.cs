using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.Services;

/// <summary>
/// Puts events on a bus as <paramref name="caller"/> would through the API (same limits and errors):
/// the Step Functions putEvents integration, Lambda destinations and the CLI call this; EventBridge implements it.
/// </summary>
public interface IEventBusGateway
{
    Task<PutEventsResult> PutEventsAsync(AccountContext caller, IReadOnlyList<PutEventsEntry> entries, CancellationToken cancellationToken);
}
