using System.Text.Json.Serialization;

namespace Choreo.Worker.Runtime.Lambda;

/// <summary>Source-generated JSON for the Runtime API's error bodies.</summary>
[JsonSerializable(typeof(RuntimeError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
