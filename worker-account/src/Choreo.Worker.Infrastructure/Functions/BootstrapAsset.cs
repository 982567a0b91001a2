using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>The one code asset all worker functions share: a prebuilt bootstrap folder, or a local AOT build.</summary>
internal static class BootstrapAsset
{
    private const string BootstrapProject = "worker-account/src/Choreo.Worker.Bootstrap";

    // Required by BundlingOptions but never run: BootstrapLocalBundling either builds or throws.
    private const string UnusedBundlingImage = "public.ecr.aws/amazonlinux/amazonlinux:2023";

    public static Code Create(Construct scope, string? prebuiltDirectory)
    {
        var directory = prebuiltDirectory ?? scope.Node.TryGetContext(WorkerStackProps.BootstrapDirectoryContextKey) as string;
        return string.IsNullOrWhiteSpace(directory) ? Bundled() : Prebuilt(Path.GetFullPath(directory));
    }

    private static Code Prebuilt(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "bootstrap")))
        {
            throw new InvalidOperationException(
                $"Cannot use the prebuilt worker bootstrap: '{directory}' holds no 'bootstrap' file (publish Choreo.Worker.Bootstrap there first).");
        }

        return Code.FromAsset(directory, new Amazon.CDK.AWS.S3.Assets.AssetOptions { Exclude = ["*.dbg", "*.pdb"] });
    }

    private static Code Bundled()
    {
        var project = Path.Combine(RepositoryRoot.Find(), BootstrapProject);
        return Code.FromAsset(project, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            // The bootstrap also compiles the functions, runtime and contracts projects, so hashing this
            // folder would miss their changes: the hash comes from the built binary instead.
            AssetHashType = AssetHashType.OUTPUT,
            Bundling = new BundlingOptions
            {
                Image = DockerImage.FromRegistry(UnusedBundlingImage),
                Local = new BootstrapLocalBundling(project),
            },
        });
    }
}
