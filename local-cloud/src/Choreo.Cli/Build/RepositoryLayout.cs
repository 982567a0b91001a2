namespace Choreo.Cli.Build;

/// <summary>The Choreo checkout the command runs in: found by walking up to <c>Choreo.slnx</c>.</summary>
public sealed record RepositoryLayout(string Root)
{
    public string StateDirectory => Path.Combine(Root, ".choreo");

    public static RepositoryLayout Find(string? start = null)
    {
        foreach (var origin in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Choreo.slnx")))
                {
                    return new RepositoryLayout(dir.FullName);
                }
            }
        }
        throw new CommandException("This command builds Choreo from its sources: run it inside a Choreo checkout (no Choreo.slnx found above the current directory).");
    }
}
