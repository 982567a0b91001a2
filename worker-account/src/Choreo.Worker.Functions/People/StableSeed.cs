using System.Text;

namespace Choreo.Worker.Functions.People;

/// <summary>
/// A seed derived from the execution (and item), stable across processes (unlike string.GetHashCode), so a
/// redelivered event regenerates the same fake data and writes the same file: handlers stay idempotent while
/// every run still gets its own people.
/// </summary>
public static class StableSeed
{
    public static int For(string execution, params object[] parts)
    {
        // FNV-1a over the UTF-8 text; collisions only make two runs share fake data.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(string.Join('/', [execution, .. parts])))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }
}
