using System.Collections.Concurrent;
using Choreo.LocalCloud.Hosting;
using Choreo.TestSupport;

namespace LocalCloud.Tests.Clients;

/// <summary><c>serve --log-requests</c>: each AWS CLI call is logged with its method, service, operation, account, status and duration.</summary>
public sealed class RequestLogTests : ServedCloudTests
{
    private readonly ConcurrentQueue<RequestLogEntry> _log = new();

    protected override LocalCloudOptions HostOptions => new() { Port = 0, RequestLog = _log.Enqueue };

    protected override string Account => "222222222222";
    // The entry is written once the response is sent, so it can arrive just after the CLI exits.
    private async Task<RequestLogEntry> OnlyEntryAsync()
    {
        await Eventually.TrueAsync(() => !_log.IsEmpty, "a request log entry");
        return Assert.Single(_log);
    }

    [SkippableFact]
    public async Task An_awsJson_call_is_logged_with_its_service_operation_account_and_status()
    {
        await AwsCommandLine.SkipUnlessInstalledAsync();

        var (exitCode, output) = await Clients.RunAsync("stepfunctions", "list-state-machines");

        Assert.True(exitCode == 0, output);
        var entry = await OnlyEntryAsync();
        Assert.Equal(("POST", "states", "ListStateMachines", "222222222222", 200), (entry.Method, entry.Service, entry.Operation, entry.Account, entry.Status));
        Assert.Matches(@"^POST states ListStateMachines 222222222222 200 \d+\.\d ms$", entry.ToString());
    }

    [SkippableFact]
    public async Task A_refused_query_call_is_logged_with_its_action_and_400()
    {
        await AwsCommandLine.SkipUnlessInstalledAsync();

        await Clients.RunAsync("iam", "list-users");

        var entry = await OnlyEntryAsync();
        Assert.Equal(("iam", "ListUsers", "222222222222", 400), (entry.Service, entry.Operation, entry.Account, entry.Status));
    }

    [SkippableFact]
    public async Task An_S3_call_is_logged_with_its_method_and_path()
    {
        await AwsCommandLine.SkipUnlessInstalledAsync();

        await Clients.RunAsync("s3api", "create-bucket", "--bucket", "logged");

        var entry = await OnlyEntryAsync();
        Assert.Equal(("s3", "PUT /logged", 200), (entry.Service, entry.Operation, entry.Status));
    }
}
