using System.Diagnostics;

namespace Choreo.LocalCloud.Benchmarks;

/// <summary>
/// The process's peak working set, restartable per benchmark on Linux (writing 5 to /proc/self/clear_refs resets
/// VmHWM), so one benchmark's peak is not the previous one's. Elsewhere the peak is since process start.
/// </summary>
public static class PeakWorkingSet
{
    /// <summary>Restarts peak tracking; false when the OS does not allow it (the peak then covers the whole run).</summary>
    public static bool Reset()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double Megabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024);
    }
}
