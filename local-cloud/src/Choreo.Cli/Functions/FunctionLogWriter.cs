using System.Text;
using System.Text.Json;

namespace Choreo.Cli.Functions;

/// <summary>
/// Receives a worker function's JSON log lines (as the bootstrap would print them) and files each under
/// the request id it names, like CloudWatch Logs keeps them.
/// </summary>
internal sealed class FunctionLogWriter(Action<string?, string> log) : TextWriter
{
    private readonly StringBuilder _partial = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
            return;
        }
        _partial.Append(value);
    }

    public override void WriteLine(string? value)
    {
        _partial.Append(value);
        Flush();
    }

    public override void Flush()
    {
        if (_partial.Length == 0)
        {
            return;
        }
        var line = _partial.ToString().TrimEnd('\r');
        _partial.Clear();
        log(RequestIdOf(line), line);
    }

    private static string? RequestIdOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("requestId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
