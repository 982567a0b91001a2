using System.Text.Json;
using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Resources;

/// <summary>
/// A CDK asset resolved to local disk. The deployer adds two entries to <see cref="ResourceRequest.Metadata"/>
/// when a resource's properties point at an asset (a <c>{S3Bucket, S3Key}</c> / <c>{Bucket, Key}</c> object
/// whose key is an asset's object key, or the resource's <c>aws:asset:path</c> metadata):
/// <see cref="PathMetadataKey"/> (absolute path of the asset directory or file) and
/// <see cref="PackagingMetadataKey"/> (<c>zip</c> for a directory the cloud would zip, <c>file</c> otherwise).
/// The properties themselves keep CloudFormation's values. A Lambda provider reads it with <see cref="From"/>.
/// </summary>
public sealed record LocalAsset(string Path, string Packaging)
{
    public const string PathMetadataKey = "local-cloud:asset:path";
    public const string PackagingMetadataKey = "local-cloud:asset:packaging";

    /// <summary>The local asset of <paramref name="request"/>, or null when its properties name none.</summary>
    public static LocalAsset? From(ResourceRequest request) =>
        Text(request.Metadata.GetValueOrDefault(PathMetadataKey)) is { } path
            ? new LocalAsset(path, Text(request.Metadata.GetValueOrDefault(PackagingMetadataKey)) ?? "zip")
            : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
