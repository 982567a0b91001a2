using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Choreo.Worker.Runtime.Logging;

/// <summary>
/// Writes one JSON object per line (CloudWatch parses each as a structured record). Every record names
/// the function and, inside an invocation, its request id, so one event can be followed in the logs.
/// </summary>
public sealed class JsonLineLogger(TextWriter output, string functionName, TimeProvider clock)
{
    // Log lines are read by people and CloudWatch, not embedded in HTML: keep '+', quotes and non-ASCII readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();

    public void Info(string? requestId, string message, params (string Name, string? Value)[] fields) =>
        Write("INFO", requestId, message, fields);

    public void Warn(string? requestId, string message, params (string Name, string? Value)[] fields) =>
        Write("WARN", requestId, message, fields);

    public void Error(string? requestId, string message, params (string Name, string? Value)[] fields) =>
        Write("ERROR", requestId, message, fields);

    private void Write(string level, string? requestId, string message, (string Name, string? Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", clock.GetUtcNow().ToString("O"));
            json.WriteString("level", level);
            json.WriteString("function", functionName);
            if (requestId is not null)
            {
                json.WriteString("requestId", requestId);
            }
            json.WriteString("message", message);
            foreach (var (name, value) in fields)
            {
                json.WriteString(name, value);
            }
            json.WriteEndObject();
        }
        var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
