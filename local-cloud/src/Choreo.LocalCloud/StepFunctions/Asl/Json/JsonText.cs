using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Asl.Json;

/// <summary>JSON values as Step Functions writes, measures and compares them (reflection-free).</summary>
public static class JsonText
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>Compact JSON, without escaping non-ASCII or HTML characters (as AWS returns it).</summary>
    public static string Serialize(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The UTF-8 size of the serialized value: what AWS's 256 KB payload limit counts.</summary>
    public static int Utf8Size(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, node);
        }

        return buffer.WrittenCount;
    }

    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    /// <summary>Parses a JSON text; throws <see cref="JsonException"/> when it is not JSON.</summary>
    public static JsonNode? Parse(string text) => JsonNode.Parse(text, NodeOptions, DocumentOptions);

    /// <summary>A value that may be attached to a new parent: nodes already in a tree are copied.</summary>
    public static JsonNode? Detach(JsonNode? node) => node is null || node.Parent is null ? node : node.DeepClone();

    public static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    public static bool IsNumber(JsonNode? node) => Kind(node) == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => Kind(node) == JsonValueKind.String;

    public static bool IsBoolean(JsonNode? node) => Kind(node) is JsonValueKind.True or JsonValueKind.False;

    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue(out value))
            {
                return true;
            }

            if (v.TryGetValue<decimal>(out var d))
            {
                value = (double)d;
                return true;
            }

            if (v.TryGetValue<long>(out var l))
            {
                value = l;
                return true;
            }

            if (v.TryGetValue<int>(out var i))
            {
                value = i;
                return true;
            }

            return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return false;
    }

    /// <summary>The number as written in JSON (so 1.0 stays 1.0 and 3 stays 3).</summary>
    public static string NumberText(JsonNode node) => node.ToJsonString();

    /// <summary>Compares numbers by value: 1 equals 1.0.</summary>
    public static int CompareNumbers(JsonNode a, JsonNode b)
    {
        if (decimal.TryParse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var da) &&
            decimal.TryParse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var db))
        {
            return da.CompareTo(db);
        }

        TryGetDouble(a, out var x);
        TryGetDouble(b, out var y);
        return x.CompareTo(y);
    }

    /// <summary>Structural equality with numbers compared by value and object key order ignored.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        var ka = Kind(a);
        var kb = Kind(b);
        if (ka != kb)
        {
            return false;
        }

        switch (ka)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return CompareNumbers(a!, b!) == 0;
            case JsonValueKind.String:
                return a!.GetValue<string>() == b!.GetValue<string>();
            case JsonValueKind.Array:
            {
                var x = a!.AsArray();
                var y = b!.AsArray();
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!DeepEquals(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonValueKind.Object:
            {
                var x = a!.AsObject();
                var y = b!.AsObject();
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var (key, value) in x)
                {
                    if (!y.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                return false;
        }
    }
}
