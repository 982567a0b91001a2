using Choreo.LocalCloud.CloudFormation.Assembly;

namespace Choreo.Cli.Run;

/// <summary>
/// The stacks of one stage in the waves their cloud-assembly dependencies give: wave 0 holds the stacks that
/// depend on no other stack of the stage, each later wave the stacks whose dependencies are all in earlier
/// waves. This is the order CDK Pipelines and <c>cdk deploy</c> follow, so a missing dependency fails here too.
/// </summary>
public static class DeploymentWaves
{
    public static IReadOnlyList<IReadOnlyList<AssemblyStack>> Of(CloudAssembly assembly, string stage)
    {
        var stacks = assembly.Stacks.Where(s => StageOf(s) == stage).ToList();
        if (stacks.Count == 0)
        {
            throw new CloudAssemblyException(
                $"No stack of stage '{stage}' in cloud assembly {assembly.Directory}; stacks: {string.Join(", ", assembly.Stacks.Select(s => s.Address))}");
        }

        var byArtifact = stacks.ToDictionary(s => s.ArtifactId, StringComparer.Ordinal);
        var allStackArtifacts = assembly.Stacks.Select(s => s.ArtifactId).ToHashSet(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            // Asset manifests are dependencies too; only stack artifacts order deploys.
            var outside = stack.Dependencies.Where(d => allStackArtifacts.Contains(d) && !byArtifact.ContainsKey(d)).ToList();
            if (outside.Count > 0)
            {
                throw new CloudAssemblyException(
                    $"Stack {stack.Address} depends on {string.Join(", ", outside)}, which is not in stage '{stage}'");
            }
        }

        var waves = new List<IReadOnlyList<AssemblyStack>>();
        var deployed = new HashSet<string>(StringComparer.Ordinal);
        var pending = stacks;
        while (pending.Count > 0)
        {
            var wave = pending.Where(s => s.Dependencies.Where(byArtifact.ContainsKey).All(deployed.Contains)).ToList();
            if (wave.Count == 0)
            {
                throw new CloudAssemblyException(
                    $"The stacks of stage '{stage}' depend on each other in a cycle: {string.Join(", ", pending.Select(s => s.Address))}");
            }
            waves.Add(wave);
            deployed.UnionWith(wave.Select(s => s.ArtifactId));
            pending = [.. pending.Except(wave)];
        }
        return waves;
    }

    /// <summary>The stage a stack belongs to: the segment before its id (<c>ChoreoPipeline/Dev/Worker</c> is in <c>Dev</c>).</summary>
    public static string? StageOf(AssemblyStack stack)
    {
        var segments = stack.Address.Split('/');
        return segments.Length >= 2 ? segments[^2] : null;
    }

    /// <summary>The stack's construct id within its stage (<c>Worker</c> for <c>ChoreoPipeline/Dev/Worker</c>).</summary>
    public static string IdOf(AssemblyStack stack) => stack.Address.Split('/')[^1];
}
