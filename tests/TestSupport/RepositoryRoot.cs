namespace Choreo.TestSupport;

/// <summary>The checkout a test runs in: the folder holding Choreo.slnx.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Choreo.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Choreo.slnx above {AppContext.BaseDirectory}: run the tests from a Choreo checkout.");
    }
}
