using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Text.Json;
using Choreo.Cli.Run;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Observability;
using Spectre.Console;

namespace Choreo.Cli.Commands;

/// <summary><c>choreo trace ARN</c>: the cross-account timeline of an execution of a running <c>choreo serve</c>.</summary>
public static class TraceCommand
{
    public static Command Create()
    {
        var execution = new Argument<string>("execution-arn") { Description = "The execution to trace (arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME)" };
        var endpoint = new Option<Uri>("--endpoint")
        {
            Description = "Where choreo serve listens",
            DefaultValueFactory = _ => new Uri($"http://127.0.0.1:{LocalCloudOptions.DefaultPort}"),
            // System.CommandLine has no built-in Uri conversion: without this parser every --endpoint value failed.
            CustomParser = ParseEndpoint,
        };
        var command = new Command("trace", "Print the timeline of every event of one execution across accounts, from a running choreo serve") { execution, endpoint };
        command.SetAction((result, cancellationToken) => TraceAsync(result.GetValue(execution)!, result.GetValue(endpoint)!, cancellationToken));
        return command;
    }

    private static async Task<int> TraceAsync(string executionArn, Uri endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"{TimelineRoute.Path}?execution={Uri.EscapeDataString(executionArn)}", cancellationToken);
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLine($"[red]choreo trace:[/] no local-cloud answers at {Markup.Escape(endpoint.ToString())} ({Markup.Escape(e.Message)}); start it with 'choreo serve'.");
            return 1;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                AnsiConsole.MarkupLine($"[red]choreo trace:[/] {Markup.Escape(ErrorMessage(body, response.StatusCode))}");
                return 1;
            }
            var document = JsonSerializer.Deserialize(body, TimelineJsonContext.Default.TimelineDocument)!;
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(document.Execution)}[/]: {Markup.Escape(document.Status)}, {document.Entries.Count} entries");
            foreach (var line in TimelineWriter.Lines(document.Entries))
            {
                Console.WriteLine(line);
            }
            return 0;
        }
    }

    /// <summary>An absolute http(s) URL such as <c>http://127.0.0.1:4566</c>; anything else is a clear parse error.</summary>
    internal static Uri? ParseEndpoint(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }
        result.AddError($"--endpoint '{text}' is not an http(s) URL such as http://127.0.0.1:{LocalCloudOptions.DefaultPort}");
        return null;
    }

    private static string ErrorMessage(string body, HttpStatusCode status)
    {
        try
        {
            using var error = JsonDocument.Parse(body);
            return error.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return $"local-cloud answered {(int)status}: {body}";
        }
    }
}
