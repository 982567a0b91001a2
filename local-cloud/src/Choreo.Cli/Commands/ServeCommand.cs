using System.CommandLine;
using System.Runtime.InteropServices;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using Spectre.Console;

namespace Choreo.Cli.Commands;

/// <summary><c>choreo serve [--port 4566] [--state-dir DIR] [--log-requests]</c>: every local-cloud service on one loopback endpoint until Ctrl-C.</summary>
public static class ServeCommand
{
    public const string Name = "serve";

    public static Command Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "The port to listen on at 127.0.0.1",
            DefaultValueFactory = _ => LocalCloudOptions.DefaultPort,
        };
        var stateDir = new Option<DirectoryInfo?>("--state-dir")
        {
            Description = "Where to keep S3 objects between runs (default: in memory)",
        };
        var logRequests = new Option<bool>("--log-requests")
        {
            Description = "Print one line per request: method, service, operation, account, status, duration",
        };
        var command = new Command(Name, "Serve local-cloud (S3 and every registered service) for AWS SDKs and the AWS CLI") { port, stateDir, logRequests };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(port), parseResult.GetValue(stateDir), parseResult.GetValue(logRequests), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, DirectoryInfo? stateDir, bool logRequests, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535)
        {
            await Console.Error.WriteLineAsync($"choreo serve: --port {port} is not a TCP port (0-65535)");
            return 1;
        }

        // Ctrl-C (SIGINT) and SIGTERM both stop serving cleanly; handled here so the exit code is 0. Registered before
        // the endpoint starts, so a signal that arrives as soon as it listens is not lost.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        var options = new LocalCloudOptions
        {
            Port = port,
            StateDirectory = stateDir?.FullName,
            RequestLog = logRequests ? entry => Console.Out.WriteLine(entry.ToString()) : null,
        };
        LocalCloudInstance cloud;
        try
        {
            cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions { Host = options }, stop.Token);
        }
        catch (PortInUseException e)
        {
            await Console.Error.WriteLineAsync($"choreo serve: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        await using var running = cloud;
        var host = cloud.Host;

        Describe(host, cloud.Credentials);

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token);
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[grey]stopping local-cloud[/]");
        }

        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    private static void Describe(LocalCloudHost host, CredentialDirectory credentials)
    {
        var endpoint = host.BaseUrl.ToString().TrimEnd('/');
        AnsiConsole.MarkupLine($"[bold green]local-cloud[/] listening on [bold]{Markup.Escape(endpoint)}[/]");
        AnsiConsole.MarkupLine($"services: {Markup.Escape(string.Join(", ", host.ServiceNames))}");
        AnsiConsole.MarkupLine($"state: {Markup.Escape(host.Options.StateDirectory ?? "in memory (pass --state-dir to keep it)")}");

        var accounts = new Table().AddColumn("account").AddColumn("role").AddColumn("access key id").AddColumn("secret");
        foreach (var account in credentials.KnownAccounts)
        {
            accounts.AddRow(account.AccountId, account.Role, account.AccountId, "test");
        }

        foreach (var key in credentials.MappedKeys)
        {
            accounts.AddRow(key.AccountId, "mapped key", Markup.Escape(key.AccessKeyId), "(configured)");
        }

        AnsiConsole.Write(accounts);
        AnsiConsole.MarkupLine("any other 12-digit access key id is that account, with secret [bold]test[/]");
        AnsiConsole.MarkupLine("point the AWS CLI and SDKs at it:");
        AnsiConsole.MarkupLine($"  export AWS_ENDPOINT_URL={Markup.Escape(endpoint)}");
        AnsiConsole.MarkupLine($"  export AWS_ACCESS_KEY_ID={credentials.KnownAccounts.FirstOrDefault()?.AccountId ?? "111111111111"}");
        AnsiConsole.MarkupLine("  export AWS_SECRET_ACCESS_KEY=test");
        AnsiConsole.MarkupLine($"  export AWS_REGION={Markup.Escape(host.Options.Region)}");
        AnsiConsole.MarkupLine("StartSyncExecution goes to [bold]sync-[/]HOST (every SDK adds the prefix); turn it off, or make the name resolve:");
        AnsiConsole.MarkupLine("  boto3: Config(inject_host_prefix=False)   JS SDK v3: { disableHostPrefix: true }   .NET: config.DisableHostPrefixInjection = true");
        AnsiConsole.MarkupLine("  AWS CLI (no setting): add '127.0.0.1 sync-localhost' to /etc/hosts and use --endpoint-url http://localhost:PORT");
        AnsiConsole.MarkupLine("[grey]Ctrl-C stops it[/]");
    }
}
