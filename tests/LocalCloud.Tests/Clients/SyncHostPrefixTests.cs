
namespace LocalCloud.Tests.Clients;

/// <summary>
/// StartSyncExecution with a client's default settings: the SDKs send it to <c>sync-HOST</c>. Once that name resolves
/// to local-cloud (an /etc/hosts line, here a patched resolver), local-cloud serves it like any other host; and the
/// documented one-line setting (boto3's <c>inject_host_prefix=False</c>) avoids the prefix altogether.
/// </summary>
public sealed class SyncHostPrefixTests : ServedCloudTests
{
    private const string CreateAndRun = """
        import boto3, json, os, socket
        from botocore.config import Config
        {0}
        sfn = boto3.client("stepfunctions", endpoint_url=os.environ["ENDPOINT"].replace("127.0.0.1", "localhost"), config=Config({1}))
        arn = sfn.create_state_machine(name="sync", type="EXPRESS", roleArn="arn:aws:iam::111111111111:role/sfn",
            definition=json.dumps({{"StartAt": "P", "States": {{"P": {{"Type": "Pass", "Result": {{"ok": 1}}, "End": True}}}}}}))["stateMachineArn"]
        out = sfn.start_sync_execution(stateMachineArn=arn, input="{{}}")
        print(out["status"], out["output"], sorted(hosts))
        """;

    // What an /etc/hosts line "127.0.0.1 sync-localhost" does, without touching the machine's resolver.
    private const string ResolveSyncLocalhost = """
        hosts = set()
        real = socket.getaddrinfo
        def resolve(host, *args, **kwargs):
            hosts.add(host)
            return real("127.0.0.1" if host == "sync-localhost" else host, *args, **kwargs)
        socket.getaddrinfo = resolve
        """;

    [SkippableFact]
    public async Task Boto3_with_default_settings_runs_a_sync_execution_on_the_sync_prefixed_host()
    {
        await AwsCommandLine.SkipUnlessBoto3InstalledAsync();

        var (exitCode, output) = await Clients.PythonAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, CreateAndRun, ResolveSyncLocalhost, string.Empty));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCEEDED {\"ok\":1} ['localhost', 'sync-localhost']", output);
    }

    [SkippableFact]
    public async Task Boto3_with_inject_host_prefix_off_runs_a_sync_execution_on_the_plain_host()
    {
        await AwsCommandLine.SkipUnlessBoto3InstalledAsync();

        var (exitCode, output) = await Clients.PythonAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, CreateAndRun, ResolveSyncLocalhost, "inject_host_prefix=False"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCEEDED {\"ok\":1} ['localhost']", output);
    }
}
