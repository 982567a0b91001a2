using System.Text.Json.Serialization;

namespace Choreo.Worker.Runtime.Events;

/// <summary>Source-generated JSON for the PutEvents wire shapes (reflection-free for Native AOT).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResponse))]
[JsonSerializable(typeof(AwsJsonError))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
