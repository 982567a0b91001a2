using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Assembly;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.CloudFormation.Templates;

namespace Choreo.LocalCloud.CloudFormation.Deployment;

/// <summary>
/// Finds the local asset a resource's properties point at: an object whose <c>S3Key</c> (or <c>Key</c>) is
/// the object key of an asset in the stack's asset manifest, else the resource's <c>aws:asset:path</c> metadata.
/// The asset bucket itself does not exist locally; the files on disk are the asset.
/// </summary>
internal sealed class AssetLocator(AssetManifest? assets, string assemblyDirectory)
{
    public LocalAsset? Locate(string logicalId, JsonObject properties, JsonObject? metadata)
    {
        var asset = FromObjectKey(properties) ?? FromMetadata(metadata);
        if (asset is not null && !File.Exists(asset.Path) && !System.IO.Directory.Exists(asset.Path))
        {
            throw new TemplateException(
                $"Asset of resource {logicalId} is missing: {asset.Path} does not exist (synthesize cdk.out on this machine)");
        }

        return asset;
    }

    private LocalAsset? FromObjectKey(JsonNode? node)
    {
        if (assets is null)
        {
            return null;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var keyProperty in (string[])["S3Key", "Key"])
                {
                    if (Text(obj[keyProperty]) is { } key && assets.FindByObjectKey(key) is { } file)
                    {
                        return new LocalAsset(file.SourcePath, file.Packaging);
                    }
                }

                return obj.Select(p => FromObjectKey(p.Value)).FirstOrDefault(a => a is not null);
            case JsonArray array:
                return array.Select(FromObjectKey).FirstOrDefault(a => a is not null);
            default:
                return null;
        }
    }

    private LocalAsset? FromMetadata(JsonObject? metadata)
    {
        if (Text(metadata?["aws:asset:path"]) is not { } relative)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(assemblyDirectory, relative));
        return new LocalAsset(path, System.IO.Directory.Exists(path) ? "zip" : "file");
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
