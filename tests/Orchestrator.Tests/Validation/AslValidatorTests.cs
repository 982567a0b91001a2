using System.Diagnostics;
using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Validation;

/// <summary>Both synthesized definitions pass asl-validator 4 (installed at the repository root by <c>npm ci</c>).</summary>
[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class AslValidatorTests(SynthesizedOrchestrator synthesized)
{
    [Fact]
    public async Task Both_state_machine_definitions_pass_asl_validator()
    {
        var validator = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "asl-validator");
        Assert.True(File.Exists(validator), $"asl-validator is missing at {validator}; run `npm ci` at the repository root.");

        var directory = Directory.CreateTempSubdirectory("choreo-asl-");
        try
        {
            var files = new List<string>();
            foreach (var (name, template) in new[] { ("default", synthesized.Default), ("tuned", synthesized.Tuned) })
            {
                foreach (var (machine, definition) in new[] { ("main", Machines.MainMachine(template).Definition), ("finisher", Machines.FinisherMachine(template).Definition) })
                {
                    var file = Path.Combine(directory.FullName, $"{name}-{machine}.asl.json");
                    File.WriteAllText(file, definition.ToJsonString());
                    files.Add(file);
                }
            }

            var start = new ProcessStartInfo(validator) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var file in files)
            {
                start.ArgumentList.Add("--json-path");
                start.ArgumentList.Add(file);
            }
            using var process = Process.Start(start)!;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            Assert.True(process.ExitCode == 0, $"asl-validator rejected a definition:\n{await output}\n{await errors}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
