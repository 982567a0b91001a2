using System.Text.Json.Serialization;

namespace Choreo.Worker.Functions.People;

/// <summary>Source-generated JSON for the files in the bucket, indented as the article wrote them.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(CookieReport))]
public sealed partial class PeopleJsonContext : JsonSerializerContext;
