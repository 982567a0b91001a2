using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Hostile.Tests.Shutdown;

/// <summary><c>choreo serve</c> stops promptly and cleanly on SIGTERM or Ctrl-C, even with a request stuck in flight.</summary>
public sealed partial class ServeShutdownTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Serve_exits_0_within_seconds_of_a_signal_while_a_request_body_never_arrives(string signal)
    {
        using var serve = StartServe();
        var endpoint = await ListeningEndpointAsync(serve);
        using var stuck = new TcpClient();
        await stuck.ConnectAsync(endpoint.Host, endpoint.Port);
        // A PUT that promises a megabyte and sends ten bytes: its handler waits for the rest for ever.
        var head = $"PUT /stuck-bucket/key HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Length: 1048576\r\n\r\n0123456789";
        await stuck.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head));
        await stuck.GetStream().FlushAsync();

        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", $"-{signal} {serve.Id}"))
        {
            await kill.WaitForExitAsync();
        }

        // Kestrel alone would wait 30 s for the stuck request; serve aborts it after its 2 s grace period.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await serve.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            serve.Kill();
            throw;
        }

        watch.Stop();
        Assert.Equal(0, serve.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"serve took {watch.Elapsed} to stop");
    }

    private static Process StartServe()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "choreo.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "serve", "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("could not start choreo serve");
    }

    private static async Task<Uri> ListeningEndpointAsync(Process serve)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await serve.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                // Keep draining output so the process never blocks on a full pipe.
                _ = serve.StandardOutput.ReadToEndAsync();
                _ = serve.StandardError.ReadToEndAsync();
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"choreo serve exited before listening: {await serve.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
