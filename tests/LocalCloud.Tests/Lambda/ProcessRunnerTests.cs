using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Lambda.Runners.Process;

namespace LocalCloud.Tests.Lambda;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProcessRunnerTests : IAsyncLifetime
{
    private readonly ScriptedBootstrap _bootstrap = new();
    private readonly ConcurrentQueue<(string? RequestId, string Line)> _lines = new();
    private ProcessRunner _runner = null!;

    public Task InitializeAsync()
    {
        _runner = new ProcessRunner((id, line) => _lines.Enqueue((id, line)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _runner.DisposeAsync();
        _bootstrap.Dispose();
    }

    private LambdaFunction Function => new(new AccountContext("222222222222", "us-east-1"), "echo", "getMultiple", "provided.al2023",
        _bootstrap.Directory, new Dictionary<string, string> { ["_HANDLER"] = "getMultiple" }, TimeSpan.FromSeconds(30), 128);

    private static LambdaInvocationContext Context(string requestId) =>
        new(requestId, "arn:aws:lambda:us-east-1:222222222222:function:echo", "echo", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), "Root=1-5759e988-bd862e3fe1be46a994272793");

    [Fact]
    public async Task The_bootstrap_gets_the_event_with_the_request_id_and_deadline_headers_and_its_response_is_returned()
    {
        var outcome = await _runner.RunAsync(Function, Function.Environment, """{"detail":{"n":1}}""", Context("req-1"), CancellationToken.None);

        Assert.True(outcome.Succeeded, $"{outcome.Error?.ErrorMessage}\n{string.Join("\n", _lines.Select(l => l.Line))}");
        var response = JsonNode.Parse(outcome.Payload!)!;
        Assert.Equal("req-1", (string?)response["requestId"]);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), (long)response["deadlineMs"]!);
        Assert.Equal(1, (int)response["event"]!["detail"]!["n"]!);
    }

    [Fact]
    public async Task An_invocation_error_is_reported_with_its_type_and_message_and_the_environment_stays_warm()
    {
        var failed = await _runner.RunAsync(Function, Function.Environment, """{"boom":true}""", Context("req-2"), CancellationToken.None);
        var next = await _runner.RunAsync(Function, Function.Environment, """{"ok":true}""", Context("req-3"), CancellationToken.None);

        Assert.Equal(new FunctionError("BoomError", "the event asked for it"), failed.Error);
        Assert.True(next.Succeeded);
        Assert.Single(_lines, l => l.Line.Contains("started getMultiple"));
    }

    [Fact]
    public async Task Log_lines_are_kept_under_the_request_id_being_handled()
    {
        await _runner.RunAsync(Function, Function.Environment, "{}", Context("req-4"), CancellationToken.None);

        Assert.Contains(_lines, l => l.RequestId == "req-4" && l.Line.Contains("handling"));
    }

    [Fact]
    public async Task A_cancelled_invocation_kills_the_environment_and_the_next_one_starts_fresh()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _runner.RunAsync(Function, Function.Environment, """{"hang":true}""", Context("req-5"), timeout.Token));

        var next = await _runner.RunAsync(Function, Function.Environment, "{}", Context("req-6"), CancellationToken.None);

        Assert.True(next.Succeeded);
        Assert.Equal(2, _lines.Count(l => l.Line.Contains("started getMultiple")));
    }

    [Fact]
    public async Task A_missing_bootstrap_is_a_clear_entrypoint_error()
    {
        var function = Function with { CodeDirectory = Path.Combine(Path.GetTempPath(), "no-such-function-code") };

        var outcome = await _runner.RunAsync(function, function.Environment, "{}", Context("req-7"), CancellationToken.None);

        Assert.Equal("Runtime.InvalidEntrypoint", outcome.Error!.ErrorType);
        Assert.Contains("no 'bootstrap'", outcome.Error.ErrorMessage);
    }
}
