namespace Choreo.LocalCloud.CloudFormation.Assembly;

/// <summary>
/// A file asset of a cloud assembly: the absolute local path of its source (a directory for
/// <c>zip</c> packaging, a file for <c>file</c>) and where the CDK would publish it.
/// </summary>
public sealed record FileAsset(string Id, string SourcePath, string Packaging, IReadOnlyList<AssetDestination> Destinations);
