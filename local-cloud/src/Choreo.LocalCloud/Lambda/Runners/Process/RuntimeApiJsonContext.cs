using System.Text.Json.Serialization;

namespace Choreo.LocalCloud.Lambda.Runners.Process;

/// <summary>The small JSON bodies of the Runtime API.</summary>
[JsonSerializable(typeof(RuntimeApiStatus))]
[JsonSerializable(typeof(RuntimeApiError))]
[JsonSerializable(typeof(RuntimeErrorBody))]
internal sealed partial class RuntimeApiJsonContext : JsonSerializerContext;
