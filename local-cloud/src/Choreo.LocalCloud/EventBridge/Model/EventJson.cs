using System.Text.Encodings.Web;
using System.Text.Json;

namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>How events are written: non-ASCII and HTML characters stay as they were sent rather than becoming <c>\uXXXX</c>.</summary>
public static class EventJson
{
    public static JsonSerializerOptions WriteOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
