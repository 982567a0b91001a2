namespace Repository.Tests.Dependencies;

/// <summary>A throwaway repository layout of READMEs and project files, deleted at dispose.</summary>
internal sealed class TemporaryRepository : IDisposable
{
    public TemporaryRepository() => Root = Directory.CreateTempSubdirectory("choreo-repository-").FullName;

    public string Root { get; }

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Project(string relativePath, params string[] references) =>
        Write(relativePath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
            {string.Concat(references.Select(r => $"    <ProjectReference Include=\"{r}\" />\n"))}  </ItemGroup>
            </Project>
            """);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
