namespace Choreo.Cli.Build;

/// <summary>
/// The synthesized CDK app (<c>cdk.out</c>) with the local fake accounts, cached by a hash of the CDK
/// sources and the options that change the templates. The worker functions use the given prebuilt
/// bootstrap, so synthesis never rebuilds it.
/// </summary>
public static class CdkSynthesis
{
    public const string MapMaxConcurrencyContextKey = "choreo:mapMaxConcurrency";

    private static readonly string[] Sources =
        ["shared-contracts/src", "orchestrator-account/src", "worker-account/src/Choreo.Worker.Infrastructure", "pipeline/src",
         "cdk.json", "package-lock.json", "Directory.Build.props", "Directory.Packages.props", "global.json"];

    public static async Task<string> EnsureAsync(RepositoryLayout repository, string bootstrapDirectory, int mapMaxConcurrency, Action<string> status, CancellationToken cancellationToken)
    {
        var hash = SourceFingerprint.Of(repository.Root, Sources, bootstrapDirectory, mapMaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var output = Path.Combine(repository.StateDirectory, "cdk.out", hash);
        if (File.Exists(Path.Combine(output, "manifest.json")))
        {
            return output;
        }
        if (!File.Exists(Path.Combine(repository.Root, "node_modules", ".bin", "cdk")))
        {
            status("Installing the CDK CLI (npm ci)");
            await ExternalCommand.RunAsync(repository.Root, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], "Installing the Node tooling", cancellationToken).ConfigureAwait(false);
        }
        status($"Synthesizing the CDK app into {Path.GetRelativePath(repository.Root, output)}");
        var staging = output + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        await ExternalCommand.RunAsync(repository.Root, Path.Combine(repository.Root, "node_modules", ".bin", "cdk"),
            ["synth", "--quiet", "--output", staging,
             "--context", $"choreo:bootstrapDir={bootstrapDirectory}",
             "--context", $"{MapMaxConcurrencyContextKey}={mapMaxConcurrency}"],
            "Synthesizing the CDK app", cancellationToken).ConfigureAwait(false);
        Directory.Move(staging, output);
        return output;
    }
}
