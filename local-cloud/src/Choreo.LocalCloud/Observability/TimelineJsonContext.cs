using System.Text.Json.Serialization;

namespace Choreo.LocalCloud.Observability;

/// <summary>The timeline on the wire (<c>GET /_choreo/timeline</c>), read by <c>choreo trace</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TimelineDocument))]
public sealed partial class TimelineJsonContext : JsonSerializerContext;
