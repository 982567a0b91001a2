namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>Finds the Choreo checkout (the folder holding <c>Choreo.slnx</c>) so bundling can publish the bootstrap from source.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "Choreo.slnx";

    public static string Find()
    {
        // The CDK app may run from its build output (bin/...) or from any folder of the checkout.
        string[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory()];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Cannot build the worker bootstrap: no folder holding {Marker} above '{starts[0]}' or '{starts[1]}'; " +
            $"run from the Choreo checkout or set the context key {WorkerStackProps.BootstrapDirectoryContextKey} to a prebuilt bootstrap folder.");
    }
}
