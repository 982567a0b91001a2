using System.Text.Json.Serialization;

namespace Choreo.LocalCloud.S3.Storage;

/// <summary>Source-generated JSON for the bucket and object metadata files of <see cref="DiskObjectStore"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BucketRecord))]
[JsonSerializable(typeof(ObjectMetadata))]
[JsonSerializable(typeof(DiskObjectRecord))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class S3StorageJsonContext : JsonSerializerContext;
