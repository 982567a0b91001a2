using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Choreo.Worker.Runtime.Events;

namespace Choreo.Worker.Functions.Publishing;

/// <summary>Puts the worker's typed details on its bus, as its configured source.</summary>
public sealed class WorkerEvents(IEventPublisher publisher, string eventBus, string source)
{
    public Task EmitAsync<TDetail>(string detailType, TDetail detail, JsonTypeInfo<TDetail> typeInfo, CancellationToken cancellationToken) =>
        publisher.PublishAsync([new OutgoingEvent(eventBus, source, detailType, JsonSerializer.Serialize(detail, typeInfo))], cancellationToken);
}
