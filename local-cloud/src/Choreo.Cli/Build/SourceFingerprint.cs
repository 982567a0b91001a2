using System.Security.Cryptography;
using System.Text;

namespace Choreo.Cli.Build;

/// <summary>
/// A hash of the sources a build reads (paths and contents, build output excluded), so a cached build is
/// reused exactly while nothing it depends on has changed.
/// </summary>
public static class SourceFingerprint
{
    private static readonly HashSet<string> SkippedFolders = ["bin", "obj", "node_modules", "cdk.out", "TestResults", ".choreo", ".git"];

    public static string Of(string root, IEnumerable<string> relativePaths, params string[] extra)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in relativePaths.SelectMany(p => Files(Path.Combine(root, p))).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, path).Replace('\\', '/')));
            hash.AppendData(File.ReadAllBytes(path));
        }
        foreach (var value in extra)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static IEnumerable<string> Files(string path)
    {
        if (File.Exists(path))
        {
            yield return path;
            yield break;
        }
        if (!Directory.Exists(path))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(path))
        {
            yield return file;
        }
        foreach (var dir in Directory.EnumerateDirectories(path).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Files(dir))
            {
                yield return file;
            }
        }
    }
}
