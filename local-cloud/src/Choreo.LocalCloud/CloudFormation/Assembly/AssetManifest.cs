using System.Text.Json;
using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Assembly;

/// <summary>
/// A CDK asset manifest (<c>*.assets.json</c>): the file assets of one stack. Source paths are relative to
/// the manifest's directory and are made absolute here. Docker image assets are not read (Choreo has none).
/// </summary>
public sealed class AssetManifest
{
    private AssetManifest(string path, IReadOnlyList<FileAsset> files)
    {
        Path = path;
        Files = files;
    }

    public string Path { get; }

    public IReadOnlyList<FileAsset> Files { get; }

    public static AssetManifest Load(string path)
    {
        var document = CloudAssembly.ReadJsonObject(path, "asset manifest");
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var files = new List<FileAsset>();
        foreach (var (id, node) in document["files"] as JsonObject ?? [])
        {
            if (node?["source"]?["path"] is not JsonValue sourcePath || sourcePath.GetValueKind() != JsonValueKind.String)
            {
                continue;
            }

            var packaging = (node["source"]?["packaging"] as JsonValue)?.GetValue<string>() ?? "file";
            var destinations = (node["destinations"] as JsonObject ?? [])
                .Select(d => d.Value)
                .OfType<JsonObject>()
                .Select(d => new AssetDestination(
                    (d["bucketName"] as JsonValue)?.GetValue<string>() ?? "",
                    (d["objectKey"] as JsonValue)?.GetValue<string>() ?? ""))
                .ToList();
            files.Add(new FileAsset(
                id,
                System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, sourcePath.GetValue<string>())),
                packaging,
                destinations));
        }

        return new AssetManifest(path, files);
    }

    /// <summary>The asset published under <paramref name="objectKey"/>, or null.</summary>
    public FileAsset? FindByObjectKey(string objectKey) =>
        Files.FirstOrDefault(f => f.Destinations.Any(d => d.ObjectKey == objectKey));
}
