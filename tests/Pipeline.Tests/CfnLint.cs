using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Pipeline.Tests;

/// <summary>Runs the <c>cfn-lint</c> command (pinned to <see cref="PinnedVersion"/>) over templates and returns its findings.</summary>
public static class CfnLint
{
    public const string PinnedVersion = Choreo.Pipeline.PipelineStack.CfnLintVersion;
    public const string InstallHint = $"install it with `pip install cfn-lint=={PinnedVersion}` (Python 3), then make sure `cfn-lint --version` works";

    public sealed record Finding(string RuleId, string Level, string File, int Line, string Message)
    {
        public override string ToString() => $"{RuleId} ({Level}) {Path.GetFileName(File)}:{Line} {Message}";
    }

    public static IReadOnlyList<Finding> Run(IEnumerable<string> templates, string region)
    {
        var start = new ProcessStartInfo("cfn-lint")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--format", "json", "--regions", region, "--" }.Concat(templates))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("cfn-lint did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cfn-lint is not installed or not on PATH ({e.Message}); {InstallHint}.", e);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            // cfn-lint exits with a bit mask of what it found (2 errors, 4 warnings, 8 informational); 1 is a failure to run.
            if (process.ExitCode is 1 or > 15 || output.Length == 0)
            {
                throw new InvalidOperationException($"cfn-lint failed to run (exit {process.ExitCode}): {errors.Result}{output}");
            }
            return [.. JsonNode.Parse(output)!.AsArray().Select(match => new Finding(
                (string)match!["Rule"]!["Id"]!,
                (string)match["Level"]!,
                (string)match["Filename"]!,
                (int)match["Location"]!["Start"]!["LineNumber"]!,
                (string)match["Message"]!))];
        }
    }

    public static string Version()
    {
        var start = new ProcessStartInfo("cfn-lint", "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cfn-lint is not installed or not on PATH ({e.Message}); {InstallHint}.", e);
        }
    }
}
