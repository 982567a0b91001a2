using System.Text.Json.Serialization;
using Choreo.Contracts.Details;

namespace Choreo.Contracts.Wire;

/// <summary>
/// Source-generated serialization for everything on the wire. Required constructor parameters and
/// nullable annotations are enforced, so a parse never returns a half-filled record.
/// </summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Start))]
[JsonSerializable(typeof(GetUsers))]
[JsonSerializable(typeof(GetUserProfile))]
[JsonSerializable(typeof(GetUserCookies))]
[JsonSerializable(typeof(GenerateReport))]
[JsonSerializable(typeof(Done))]
[JsonSerializable(typeof(Failed))]
[JsonSerializable(typeof(AsyncDone))]
[JsonSerializable(typeof(Meta))]
[JsonSerializable(typeof(EventEnvelope<Start>))]
[JsonSerializable(typeof(EventEnvelope<GetUsers>))]
[JsonSerializable(typeof(EventEnvelope<GetUserProfile>))]
[JsonSerializable(typeof(EventEnvelope<GetUserCookies>))]
[JsonSerializable(typeof(EventEnvelope<GenerateReport>))]
[JsonSerializable(typeof(EventEnvelope<Done>))]
[JsonSerializable(typeof(EventEnvelope<Failed>))]
[JsonSerializable(typeof(EventEnvelope<AsyncDone>))]
[JsonSerializable(typeof(EventEnvelope<System.Text.Json.JsonElement>))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
