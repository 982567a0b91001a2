using System.CommandLine;
using Choreo.Cli.Build;
using Choreo.Cli.Functions;
using Choreo.Cli.Run;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Observability;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.StepFunctions.Execution;
using Spectre.Console;

namespace Choreo.Cli.Commands;

/// <summary>
/// <c>choreo run</c>: builds and synthesizes Choreo, deploys its Dev stage into two local accounts, starts
/// the cookie report with a <c>start</c> event, shows progress, then the report, where it is on disk, the
/// execution's status and the timeline of every event across both accounts. Exit code 0 only when the
/// execution succeeded and the report agrees with the per-person files.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var people = new Option<int?>("--people") { Description = "How many people the run processes (default: the article's random 0-19)" };
        var seed = new Option<int?>("--seed") { Description = "Makes names, profiles and cookies repeatable" };
        var concurrency = new Option<int>("--max-concurrency") { Description = "The Map's MaxConcurrency (the article uses 2)", DefaultValueFactory = _ => 2 };
        var lambda = new Option<string>("--lambda") { Description = "process: the real AOT bootstrap behind a Runtime API; inprocess: the handler classes", DefaultValueFactory = _ => "process" };
        lambda.AcceptOnlyFromAmong("process", "inprocess");
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the execution before giving up", DefaultValueFactory = _ => 1800 };
        var command = new Command("run", "Run the whole two-account cookie report workflow locally and show what happened")
        {
            people, seed, concurrency, lambda, timeout,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new RunSettings(result.GetValue(people), result.GetValue(seed), result.GetValue(concurrency),
                result.GetValue(lambda) == "inprocess" ? LambdaExecutionMode.InProcess : LambdaExecutionMode.Process,
                TimeSpan.FromSeconds(result.GetValue(timeout))),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Problems().FirstOrDefault() is { } problem)
        {
            AnsiConsole.MarkupLine($"[red]choreo run:[/] {Markup.Escape(problem)}");
            return 2;
        }
        try
        {
            return await RunWorkflowAsync(settings, cancellationToken);
        }
        catch (CommandException e)
        {
            AnsiConsole.MarkupLine($"[red]choreo run:[/] {Markup.Escape(e.Message)}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]choreo run: interrupted[/]");
            return 130;
        }
    }

    private static async Task<int> RunWorkflowAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var repository = RepositoryLayout.Find();
        AnsiConsole.MarkupLine($"[bold]choreo run[/]: {Markup.Escape(settings.Describe())}");
        void Status(string message) => AnsiConsole.MarkupLine($"[grey]… {Markup.Escape(message)}[/]");

        var bootstrap = await BootstrapBuild.EnsureAsync(repository, Status, cancellationToken);
        Done($"worker bootstrap: {Path.GetRelativePath(repository.Root, bootstrap)}/bootstrap");
        var cdkOut = await CdkSynthesis.EnsureAsync(repository, bootstrap, settings.MaxConcurrency, Status, cancellationToken);
        Done($"CDK app synthesized: {Path.GetRelativePath(repository.Root, cdkOut)}");

        var stateDirectory = Path.Combine(repository.StateDirectory, "state");
        if (Directory.Exists(stateDirectory))
        {
            // Every run starts from a fresh local AWS; reports of earlier runs stay under .choreo/runs.
            Directory.Delete(stateDirectory, recursive: true);
        }
        await using var cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions
        {
            Host = new LocalCloudOptions { Port = 0, StateDirectory = stateDirectory },
            LambdaMode = settings.Lambda,
            InProcessFunctions = settings.Lambda == LambdaExecutionMode.InProcess ? new WorkerFunctionFactory() : null,
        }, cancellationToken);
        Done($"local-cloud on {cloud.Host.BaseUrl} (state in {Path.GetRelativePath(repository.Root, stateDirectory)})");

        ChoreoDeployment deployment;
        try
        {
            deployment = await LocalDeployment.DeployDevStageAsync(cloud, cdkOut, cancellationToken, Done);
        }
        catch (Exception e) when (e is Choreo.LocalCloud.CloudFormation.Deployment.StackDeploymentException or Choreo.LocalCloud.CloudFormation.Assembly.CloudAssemblyException)
        {
            throw new CommandException($"deploying the Dev stage failed: {e.Message}");
        }
        foreach (var stack in new[] { deployment.Worker, deployment.Orchestrator })
        {
            var skipped = stack.SkippedTypes.Count == 0 ? string.Empty : $"; not emulated: {string.Join(", ", stack.SkippedTypes.Select(s => s.ResourceType))}";
            Done($"deployed {stack.StackName} into {stack.Account.AccountId}: {stack.Resources.Count} resources{skipped}");
        }

        var run = new CookieReportRun(cloud, deployment);
        ExecutionRun execution;
        try
        {
            execution = await run.StartAsync(settings.People, settings.Seed, TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            throw new CommandException(e.Message);
        }
        Done($"start event {run.StartEventId} put on {deployment.OrchestratorBusArn}");
        Done($"execution {execution.ExecutionArn}");

        var started = TimeProvider.System.GetUtcNow();
        var ended = await FollowWithProgressAsync(execution, settings.Timeout, cancellationToken);
        var elapsed = TimeProvider.System.GetUtcNow() - started;
        var runDirectory = Path.Combine(repository.StateDirectory, "runs", execution.Name);
        Directory.CreateDirectory(runDirectory);

        var succeeded = ended && execution.Status == ExecutionStatus.SUCCEEDED;
        var agrees = false;
        AnsiConsole.WriteLine();
        if (succeeded)
        {
            var check = run.ReadReport(execution);
            agrees = check.Agrees;
            ShowReport(check, run, deployment, cloud, runDirectory, repository);
            ShowSideEffects(SideEffectOutcome.Of(cloud, deployment, execution.ExecutionArn, check.NumberOfPeople));
        }

        var timeline = cloud.Timeline.For(execution.ExecutionArn, run.StartEventId is null ? null : [run.StartEventId]);
        var timelineFile = Path.Combine(runDirectory, "timeline.txt");
        var lines = TimelineWriter.Lines(timeline).ToList();
        await File.WriteAllLinesAsync(timelineFile, lines, cancellationToken);
        ShowTimeline(lines, Path.GetRelativePath(repository.Root, timelineFile));

        AnsiConsole.WriteLine();
        var status = ended ? execution.Status.ToString() : $"still RUNNING after {settings.Timeout.TotalSeconds:0} s";
        AnsiConsole.MarkupLine($"execution: [bold]{Markup.Escape(status)}[/] in {elapsed.TotalSeconds:0.0} s");
        if (execution.Error is not null)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(execution.Error)}[/]: {Markup.Escape(execution.Cause ?? string.Empty)}");
        }
        if (succeeded && agrees)
        {
            AnsiConsole.MarkupLine("[green]the report agrees with the per-person files[/]");
            return 0;
        }
        return 1;
    }

    private static async Task<bool> FollowWithProgressAsync(ExecutionRun execution, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var lastLine = string.Empty;
        var lastPrinted = DateTimeOffset.MinValue;
        return await CookieReportRun.FollowAsync(execution, progress =>
        {
            var items = progress.MapItemsTotal is { } total ? $", {progress.MapItemsDone}/{total} people done" : string.Empty;
            var line = $"{progress.Status}: {progress.CurrentState ?? "starting"}{items}";
            // One line per change of step, at most one a second within a step: readable in a log as on a terminal.
            var stepChanged = !lastLine.StartsWith($"{progress.Status}: {progress.CurrentState}", StringComparison.Ordinal);
            if (line != lastLine && (stepChanged || TimeProvider.System.GetUtcNow() - lastPrinted > TimeSpan.FromSeconds(1) || progress.MapItemsDone == progress.MapItemsTotal))
            {
                AnsiConsole.MarkupLine($"[blue]▸[/] {Markup.Escape(line)}");
                lastLine = line;
                lastPrinted = TimeProvider.System.GetUtcNow();
            }
        }, timeout, cancellationToken);
    }

    private static void ShowReport(CookieReportCheck check, CookieReportRun run, ChoreoDeployment deployment, LocalCloudInstance cloud, string runDirectory, RepositoryLayout repository)
    {
        var table = new Table().AddColumn("#").AddColumn("name").AddColumn(new TableColumn("cookies").RightAligned());
        foreach (var person in check.People)
        {
            table.AddRow(person.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(person.Name), person.Cookies.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        table.AddRow(string.Empty, "[bold]total[/]", $"[bold]{check.TotalCookiesConsumed}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{check.NumberOfPeople} people ate {check.TotalCookiesConsumed} cookies");

        var reportCopy = Path.Combine(runDirectory, "0-cookies.json");
        if (run.ReadObject(check.ReportKey) is { } report)
        {
            File.WriteAllText(reportCopy, report);
        }
        AnsiConsole.MarkupLine($"report: [bold]{Markup.Escape(Path.GetRelativePath(repository.Root, reportCopy))}[/] (a copy of s3://{Markup.Escape(deployment.BucketName)}/{Markup.Escape(check.ReportKey)})");
        if (cloud.ObjectStore is DiskObjectStore disk && disk.DataPathOf(deployment.BucketName, check.ReportKey) is { } dataPath)
        {
            AnsiConsole.MarkupLine($"stored by local-cloud's S3 at {Markup.Escape(Path.GetRelativePath(repository.Root, dataPath))}");
        }
        foreach (var problem in check.Problems)
        {
            AnsiConsole.MarkupLine($"[red]report check:[/] {Markup.Escape(problem)}");
        }
    }

    // Side effects never decide the run's outcome; their failures are shown, not counted against it.
    private static void ShowSideEffects(SideEffectOutcome outcome)
    {
        var pending = outcome.Pending == 0 ? string.Empty : $", {outcome.Pending} not finished yet (running or between Lambda's retries)";
        AnsiConsole.MarkupLine(Markup.Escape($"side effects: {outcome.Announced.Count} of {outcome.Expected} announced async.done, {outcome.DeadLettered.Count} failed after Lambda's retries (side-effect dead-letter queue){pending}"));
        foreach (var failed in outcome.DeadLettered)
        {
            AnsiConsole.MarkupLine($"[yellow]side effect failed[/] {Markup.Escape($"for #{failed.Index} {failed.Name}: {failed.Error} ({failed.Condition})")}");
        }
    }

    private static void ShowTimeline(IReadOnlyList<string> lines, string file)
    {
        const int Shown = 400;
        AnsiConsole.MarkupLine($"[bold]timeline[/] ({lines.Count} entries across both accounts, also in {Markup.Escape(file)}):");
        var shown = lines.Count <= Shown ? lines : [.. lines.Take(Shown / 2), $"   … {lines.Count - Shown} more in {file} …", .. lines.TakeLast(Shown / 2)];
        foreach (var line in shown)
        {
            Console.WriteLine(line);
        }
    }

    private static void Done(string message) => AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(message)}");
}
