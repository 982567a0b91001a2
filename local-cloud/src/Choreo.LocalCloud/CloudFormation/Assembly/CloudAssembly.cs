using System.Text.Json;
using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Assembly;

/// <summary>
/// A synthesized CDK cloud assembly (<c>cdk.out</c>): its stacks, including those of nested assemblies
/// (the <c>assembly-*</c> folders CDK Pipelines writes for each stage), with their templates and asset manifests.
/// </summary>
public sealed class CloudAssembly
{
    private CloudAssembly(string directory, IReadOnlyList<AssemblyStack> stacks)
    {
        Directory = directory;
        Stacks = stacks;
    }

    public string Directory { get; }

    /// <summary>Every stack, top-level first, then each nested assembly's, in manifest order.</summary>
    public IReadOnlyList<AssemblyStack> Stacks { get; }

    public static CloudAssembly Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        var stacks = new List<AssemblyStack>();
        Read(full, addressPrefix: null, stacks, depth: 0);
        return new CloudAssembly(full, stacks);
    }

    /// <summary>
    /// The stack named by <paramref name="address"/>: its construct path, display name, artifact id or stack
    /// name, or a unique path suffix (<c>Dev/OrchestratorStack</c> matches <c>Pipeline/Dev/OrchestratorStack</c>).
    /// </summary>
    public AssemblyStack FindStack(string address)
    {
        var exact = Stacks.Where(s => s.Address == address || s.DisplayName == address || s.ArtifactId == address || s.StackName == address)
            .Distinct().ToList();
        var candidates = exact.Count > 0 ? exact : Stacks.Where(s => s.Address.EndsWith("/" + address, StringComparison.Ordinal)).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new CloudAssemblyException(
                $"No stack '{address}' in cloud assembly {Directory}; stacks: {string.Join(", ", Stacks.Select(s => s.Address))}"),
            _ => throw new CloudAssemblyException(
                $"Stack address '{address}' is ambiguous in cloud assembly {Directory}; it matches: {string.Join(", ", candidates.Select(s => s.Address))}"),
        };
    }

    internal static JsonObject ReadJsonObject(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new CloudAssemblyException($"Cannot read {what}: {path} does not exist");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new CloudAssemblyException($"Cannot read {what}: {path} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new CloudAssemblyException($"Cannot read {what}: {path} is not valid JSON ({e.Message})");
        }
    }

    private static void Read(string directory, string? addressPrefix, List<AssemblyStack> stacks, int depth)
    {
        if (depth > 8)
        {
            throw new CloudAssemblyException($"Cloud assembly {directory} nests assemblies more than 8 deep");
        }

        var manifest = ReadJsonObject(Path.Combine(directory, "manifest.json"), "cloud assembly manifest");
        var artifacts = manifest["artifacts"] as JsonObject ?? [];
        var assetManifests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, artifact) in artifacts)
        {
            if (Text(artifact?["type"]) == "cdk:asset-manifest" && Text(artifact?["properties"]?["file"]) is { } file)
            {
                assetManifests[id] = Path.Combine(directory, file);
            }
        }

        var nested = new List<(string Directory, string Prefix)>();
        foreach (var (id, artifact) in artifacts)
        {
            switch (Text(artifact?["type"]))
            {
                case "aws:cloudformation:stack":
                    stacks.Add(ReadStack(id, artifact!, directory, addressPrefix, assetManifests));
                    break;
                case "cdk:cloud-assembly":
                {
                    var directoryName = Text(artifact?["properties"]?["directoryName"]) ?? id;
                    var display = Text(artifact?["properties"]?["displayName"]) ?? Text(artifact?["displayName"])
                        ?? (directoryName.StartsWith("assembly-", StringComparison.Ordinal) ? directoryName["assembly-".Length..] : directoryName);
                    nested.Add((Path.Combine(directory, directoryName), display));
                    break;
                }
            }
        }

        foreach (var (nestedDirectory, prefix) in nested)
        {
            Read(nestedDirectory, prefix, stacks, depth + 1);
        }
    }

    private static AssemblyStack ReadStack(string id, JsonNode artifact, string directory, string? addressPrefix, Dictionary<string, string> assetManifests)
    {
        var properties = artifact["properties"];
        var templateFile = Text(properties?["templateFile"])
            ?? throw new CloudAssemblyException($"Stack artifact {id} in {directory} has no properties.templateFile");
        var displayName = Text(artifact["displayName"]) ?? id;
        var address = addressPrefix is null || displayName.StartsWith(addressPrefix + "/", StringComparison.Ordinal)
            ? displayName
            : $"{addressPrefix}/{displayName}";
        var (account, region) = Environment(Text(artifact["environment"]));
        var dependencies = (artifact["dependencies"] as JsonArray ?? []).Select(Text).OfType<string>().ToList();
        var assets = dependencies.Select(assetManifests.GetValueOrDefault).FirstOrDefault(p => p is not null)
            ?? assetManifests.GetValueOrDefault(id + ".assets");
        return new AssemblyStack(
            id,
            Text(properties?["stackName"]) ?? id,
            displayName,
            address,
            account,
            region,
            Path.Combine(directory, templateFile),
            directory,
            dependencies,
            assets);
    }

    private static (string Account, string Region) Environment(string? environment)
    {
        const string scheme = "aws://";
        if (environment is null || !environment.StartsWith(scheme, StringComparison.Ordinal))
        {
            return ("unknown-account", "unknown-region");
        }

        var parts = environment[scheme.Length..].Split('/', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : "unknown-region");
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
