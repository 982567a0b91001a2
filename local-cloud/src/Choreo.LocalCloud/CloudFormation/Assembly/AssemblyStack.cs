using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Assembly;

/// <summary>
/// A stack artifact of a cloud assembly. <see cref="Address"/> is its construct path (e.g.
/// <c>Dev/OrchestratorStack</c> for a stack of a CDK Pipelines stage), <see cref="StackName"/> the
/// CloudFormation stack name. The manifest environment may be <c>unknown-account</c>/<c>unknown-region</c>;
/// deploys choose their own account and region.
/// </summary>
public sealed record AssemblyStack(
    string ArtifactId,
    string StackName,
    string DisplayName,
    string Address,
    string ManifestAccount,
    string ManifestRegion,
    string TemplatePath,
    string AssemblyDirectory,
    IReadOnlyList<string> Dependencies,
    string? AssetManifestPath)
{
    public JsonObject LoadTemplate() => CloudAssembly.ReadJsonObject(TemplatePath, $"template of stack {Address}");

    public AssetManifest? LoadAssets() => AssetManifestPath is null ? null : AssetManifest.Load(AssetManifestPath);
}
