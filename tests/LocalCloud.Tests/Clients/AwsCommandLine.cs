using System.Diagnostics;

namespace LocalCloud.Tests.Clients;

/// <summary>
/// The AWS CLI v1 as a user runs it against local-cloud: default client settings, credentials from the environment
/// (access key = account id, secret <c>test</c>), no config file. Tests skip, saying why, when it is not installed.
/// </summary>
public sealed class AwsCommandLine(Uri endpoint, string account = "111111111111")
{
    private readonly string _work = Directory.CreateTempSubdirectory("choreo-aws-cli-").FullName;

    public static async Task SkipUnlessInstalledAsync()
    {
        bool installed;
        try
        {
            installed = (await new AwsCommandLine(new Uri("http://127.0.0.1:1")).ExecuteAsync(["--version"], withEndpoint: false)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            installed = false;
        }

        Skip.IfNot(installed, "the AWS CLI is not installed on this machine");
    }

    public static async Task SkipUnlessBoto3InstalledAsync()
    {
        bool installed;
        try
        {
            installed = (await new AwsCommandLine(new Uri("http://127.0.0.1:1")).ExecuteAsync("python3", ["-c", "import boto3"], withEndpoint: false)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            installed = false;
        }

        Skip.IfNot(installed, "python3 with boto3 is not installed on this machine");
    }

    public Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => ExecuteAsync("aws", arguments, withEndpoint: true);

    /// <summary>A boto3 script, with the same credentials; it reads the endpoint from the ENDPOINT environment variable.</summary>
    public Task<(int ExitCode, string Output)> PythonAsync(string script) => ExecuteAsync("python3", ["-c", script], withEndpoint: false);

    private Task<(int ExitCode, string Output)> ExecuteAsync(string[] arguments, bool withEndpoint) => ExecuteAsync("aws", arguments, withEndpoint);

    private async Task<(int ExitCode, string Output)> ExecuteAsync(string tool, string[] arguments, bool withEndpoint)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _work };
        start.Environment["ENDPOINT"] = endpoint.ToString().TrimEnd('/');
        if (withEndpoint)
        {
            start.ArgumentList.Add("--endpoint-url");
            start.ArgumentList.Add(endpoint.ToString());
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = account;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_work, "no-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_work, "no-credentials");
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
