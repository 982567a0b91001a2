using System.Diagnostics;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>
/// Builds the Native AOT <c>bootstrap</c> on this machine with <c>dotnet publish</c> and stages only the binary.
/// It never answers "try Docker instead": a failed build is an error, so synth never needs Docker.
/// </summary>
/// <remarks>A C# implementation of a jsii interface derives from <see cref="DeputyBase"/> so the CDK (in Node) can call it back.</remarks>
internal sealed class BootstrapLocalBundling : DeputyBase, ILocalBundling
{
    private const string BinaryName = "bootstrap";
    private const int OutputLinesInError = 15;

    private readonly string _projectDirectory;

    public BootstrapLocalBundling(string projectDirectory)
    {
        _projectDirectory = projectDirectory;
    }

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var publishDirectory = Directory.CreateTempSubdirectory("choreo-bootstrap-").FullName;
        try
        {
            Publish(publishDirectory);
            var binary = Path.Combine(publishDirectory, BinaryName);
            if (!File.Exists(binary))
            {
                throw new InvalidOperationException(
                    $"Building the worker bootstrap failed: dotnet publish of '{_projectDirectory}' produced no '{BinaryName}' in '{publishDirectory}'.");
            }

            // Only the binary goes into the zip: the .dbg symbols would multiply its size for nothing.
            File.Copy(binary, Path.Combine(outputDir, BinaryName), overwrite: true);
            return true;
        }
        finally
        {
            Directory.Delete(publishDirectory, recursive: true);
        }
    }

    private void Publish(string publishDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // gcc links the AOT binary where clang is not installed; linux-x64 matches the functions' X86_64 architecture.
        string[] arguments =
        [
            "publish", _projectDirectory, "-r", "linux-x64", "-c", "Release", "-p:CppCompilerAndLinker=gcc",
            "-o", publishDirectory, "--nologo",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Console.Error.WriteLine($"Publishing the worker bootstrap from {_projectDirectory} (Native AOT, linux-x64)...");
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Building the worker bootstrap failed: could not start 'dotnet'.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var lines = (standardOutput.Result + standardError.Result)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var tail = string.Join(" | ", lines.TakeLast(OutputLinesInError));
            throw new InvalidOperationException(
                $"Building the worker bootstrap failed: dotnet publish of '{_projectDirectory}' exited with code {process.ExitCode}: {tail}");
        }
    }
}
