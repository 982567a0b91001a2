using System.Diagnostics;
using System.Text;

namespace Choreo.Cli.Build;

/// <summary>Runs a build tool (dotnet, npx) in the checkout, keeping its output for the error message.</summary>
public static class ExternalCommand
{
    public static async Task RunAsync(string workingDirectory, string fileName, IReadOnlyList<string> arguments, string what, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CommandException($"{what} needs '{fileName}', which could not be started ({e.Message}). See README.md, Prerequisites.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', output.ToString().Split('\n').Where(l => l.Trim().Length > 0).TakeLast(25));
            throw new CommandException($"{what} failed ({fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}):\n{tail}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
