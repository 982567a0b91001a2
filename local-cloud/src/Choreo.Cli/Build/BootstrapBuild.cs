namespace Choreo.Cli.Build;

/// <summary>
/// The worker's Native AOT <c>bootstrap</c>, published for this machine and cached by a hash of its sources
/// (the worker, the contracts and the build settings). The link uses gcc, which every machine of ours has.
/// </summary>
public static class BootstrapBuild
{
    private static readonly string[] Sources =
        ["worker-account/src/Choreo.Worker.Bootstrap", "worker-account/src/Choreo.Worker.Functions", "worker-account/src/Choreo.Worker.Runtime",
         "shared-contracts/src", "Directory.Build.props", "Directory.Packages.props", "global.json"];

    public static async Task<string> EnsureAsync(RepositoryLayout repository, Action<string> status, CancellationToken cancellationToken)
    {
        var hash = SourceFingerprint.Of(repository.Root, Sources);
        var output = Path.Combine(repository.StateDirectory, "bootstrap", hash);
        if (File.Exists(Path.Combine(output, "bootstrap")))
        {
            return output;
        }
        status($"Publishing the worker bootstrap (Native AOT, linux-x64) into {Path.GetRelativePath(repository.Root, output)}");
        var staging = output + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        await ExternalCommand.RunAsync(repository.Root, "dotnet",
            ["publish", "worker-account/src/Choreo.Worker.Bootstrap", "-c", "Release", "-r", "linux-x64", "-p:CppCompilerAndLinker=gcc", "-o", staging, "--nologo", "-v", "q"],
            "Publishing the worker bootstrap", cancellationToken).ConfigureAwait(false);
        foreach (var debugFile in Directory.GetFiles(staging, "*.dbg"))
        {
            File.Delete(debugFile);
        }
        Directory.Move(staging, output);
        return output;
    }
}
