using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.Intrinsics;

/// <summary>The States.* intrinsic functions of the JSONPath query language.</summary>
internal static class IntrinsicFunctions
{
    private const int MaxArrayRangeItems = 1000;
    private const int MaxBase64Input = 10000;

    private static readonly HashSet<string> Known =
    [
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition",
        "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
        "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom",
        "States.MathAdd", "States.StringSplit", "States.UUID",
    ];

    public static bool IsKnown(string name) => Known.Contains(name);

    public static JsonNode? Invoke(IntrinsicCall call, JsonNode?[] args) => call.Name switch
    {
        "States.Format" => Format(call, args),
        "States.StringToJson" => StringToJson(call, args),
        "States.JsonToString" => JsonValue.Create(JsonText.Serialize(Single(call, args))),
        "States.Array" => new JsonArray(args.Select(JsonText.Detach).ToArray()),
        "States.ArrayPartition" => ArrayPartition(call, args),
        "States.ArrayContains" => ArrayContains(call, args),
        "States.ArrayRange" => ArrayRange(call, args),
        "States.ArrayGetItem" => ArrayGetItem(call, args),
        "States.ArrayLength" => JsonValue.Create(ArrayArg(call, Single(call, args), 0).Count),
        "States.ArrayUnique" => ArrayUnique(call, args),
        "States.Base64Encode" => Base64Encode(call, args),
        "States.Base64Decode" => Base64Decode(call, args),
        "States.Hash" => Hash(call, args),
        "States.JsonMerge" => JsonMerge(call, args),
        "States.MathRandom" => MathRandom(call, args),
        "States.MathAdd" => MathAdd(call, args),
        "States.StringSplit" => StringSplit(call, args),
        "States.UUID" => UuidOf(call, args),
        _ => throw Failure(call, "is not a supported intrinsic function"),
    };

    private static StateError Failure(IntrinsicCall call, string reason) =>
        new(StatesErrorNames.IntrinsicFailure, $"Invalid arguments in the intrinsic function {call.Name}: {reason} (in '{call.Text}')");

    private static void Arity(IntrinsicCall call, JsonNode?[] args, int min, int max)
    {
        if (args.Length < min || args.Length > max)
        {
            var expected = min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} to {max}";
            throw Failure(call, $"expected {expected} arguments, got {args.Length}");
        }
    }

    private static JsonNode? Single(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 1, 1);
        return args[0];
    }

    private static string StringArg(IntrinsicCall call, JsonNode? value, int position) =>
        JsonText.TryGetString(value, out var s) ? s : throw Failure(call, $"argument {position + 1} must be a string");

    private static JsonArray ArrayArg(IntrinsicCall call, JsonNode? value, int position) =>
        value as JsonArray ?? throw Failure(call, $"argument {position + 1} must be an array");

    private static long IntegerArg(IntrinsicCall call, JsonNode? value, int position)
    {
        if (JsonText.TryGetDouble(value, out var d) && Math.Abs(d % 1) < double.Epsilon && d >= long.MinValue && d <= long.MaxValue)
        {
            return (long)d;
        }

        throw Failure(call, $"argument {position + 1} must be an integer");
    }

    private static JsonNode? Format(IntrinsicCall call, JsonNode?[] args)
    {
        if (args.Length < 1)
        {
            throw Failure(call, "expected a format string");
        }

        var template = call.Arguments[0] is IntrinsicArgument.Literal { Raw: { } raw } ? raw : StringArg(call, args[0], 0);
        var sb = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length && template[i + 1] is '{' or '}')
            {
                sb.Append(template[i + 1]);
                i++;
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= args.Length)
                {
                    throw Failure(call, "the format string has more placeholders than arguments");
                }

                sb.Append(FormatValue(args[next++]));
                i++;
            }
            else
            {
                sb.Append(c);
            }
        }

        if (next != args.Length)
        {
            throw Failure(call, "the format string has fewer placeholders than arguments");
        }

        return JsonValue.Create(sb.ToString());
    }

    /// <summary>Values as AWS's States.Format prints them: objects and arrays in Java's map/list style.</summary>
    private static string FormatValue(JsonNode? value)
    {
        switch (JsonText.Kind(value))
        {
            case JsonValueKind.Null:
                return "null";
            case JsonValueKind.String:
                return value!.GetValue<string>();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return JsonText.NumberText(value!);
            case JsonValueKind.Array:
                return "[" + string.Join(", ", value!.AsArray().Select(FormatValue)) + "]";
            case JsonValueKind.Object:
                return "{" + string.Join(", ", value!.AsObject().Select(p => p.Key + "=" + FormatValue(p.Value))) + "}";
            default:
                return JsonText.Serialize(value);
        }
    }

    private static JsonNode? StringToJson(IntrinsicCall call, JsonNode?[] args)
    {
        var text = StringArg(call, Single(call, args), 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonText.Parse(text);
        }
        catch (JsonException)
        {
            throw Failure(call, $"the string '{text}' is not valid JSON");
        }
    }

    private static JsonNode ArrayPartition(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 2, 2);
        var array = ArrayArg(call, args[0], 0);
        var size = IntegerArg(call, args[1], 1);
        if (size <= 0)
        {
            throw Failure(call, "the chunk size must be greater than 0");
        }

        var result = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in array)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = new JsonArray();
                result.Add(chunk);
            }

            chunk.Add(item?.DeepClone());
        }

        return result;
    }

    private static JsonNode ArrayContains(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 2, 2);
        var array = ArrayArg(call, args[0], 0);
        return JsonValue.Create(array.Any(item => JsonText.DeepEquals(item, args[1])));
    }

    private static JsonNode ArrayRange(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 3, 3);
        var start = IntegerArg(call, args[0], 0);
        var end = IntegerArg(call, args[1], 1);
        var step = IntegerArg(call, args[2], 2);
        if (step == 0)
        {
            throw Failure(call, "the step must not be 0");
        }

        var result = new JsonArray();
        for (var v = start; step > 0 ? v <= end : v >= end; v += step)
        {
            if (result.Count == MaxArrayRangeItems)
            {
                throw Failure(call, $"the range has more than {MaxArrayRangeItems} items");
            }

            result.Add(JsonValue.Create(v));
        }

        return result;
    }

    private static JsonNode? ArrayGetItem(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 2, 2);
        var array = ArrayArg(call, args[0], 0);
        var index = IntegerArg(call, args[1], 1);
        if (index < 0 || index >= array.Count)
        {
            throw Failure(call, $"the index {index} is out of bounds for an array of {array.Count} items");
        }

        return array[(int)index]?.DeepClone();
    }

    private static JsonNode ArrayUnique(IntrinsicCall call, JsonNode?[] args)
    {
        var array = ArrayArg(call, Single(call, args), 0);
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (!result.Any(seen => JsonText.DeepEquals(seen, item)))
            {
                result.Add(item?.DeepClone());
            }
        }

        return result;
    }

    private static JsonNode Base64Encode(IntrinsicCall call, JsonNode?[] args)
    {
        var text = StringArg(call, Single(call, args), 0);
        if (text.Length > MaxBase64Input)
        {
            throw Failure(call, $"the input is longer than {MaxBase64Input} characters");
        }

        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    private static JsonNode Base64Decode(IntrinsicCall call, JsonNode?[] args)
    {
        var text = StringArg(call, Single(call, args), 0);
        if (text.Length > MaxBase64Input)
        {
            throw Failure(call, $"the input is longer than {MaxBase64Input} characters");
        }

        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw Failure(call, "the input is not valid base64");
        }
    }

    private static JsonNode Hash(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 2, 2);
        var data = JsonText.TryGetString(args[0], out var s) ? s : JsonText.Serialize(args[0]);
        var algorithm = StringArg(call, args[1], 1);
        var bytes = Encoding.UTF8.GetBytes(data);
        byte[] digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw Failure(call, $"the hash algorithm '{algorithm}' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"),
        };
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }

    private static JsonNode JsonMerge(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 3, 3);
        var left = args[0] as JsonObject ?? throw Failure(call, "argument 1 must be an object");
        var right = args[1] as JsonObject ?? throw Failure(call, "argument 2 must be an object");
        if (JsonText.Kind(args[2]) != JsonValueKind.False)
        {
            throw Failure(call, "only a shallow merge is supported: the third argument must be false");
        }

        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static JsonNode MathRandom(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 2, 3);
        var start = IntegerArg(call, args[0], 0);
        var end = IntegerArg(call, args[1], 1);
        if (end <= start)
        {
            throw Failure(call, "the end must be greater than the start");
        }

        var random = args.Length == 3 ? new Random((int)IntegerArg(call, args[2], 2)) : Random.Shared;
        return JsonValue.Create(random.NextInt64(start, end));
    }

    private static JsonNode MathAdd(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 2, 2);
        if (!JsonText.TryGetDouble(args[0], out var a))
        {
            throw Failure(call, "argument 1 must be a number");
        }

        if (!JsonText.TryGetDouble(args[1], out var b))
        {
            throw Failure(call, "argument 2 must be a number");
        }

        // Each operand is rounded half up (Java's Math.round) before the integer sum, as AWS does.
        return JsonValue.Create((long)Math.Floor(a + 0.5) + (long)Math.Floor(b + 0.5));
    }

    private static JsonNode StringSplit(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 2, 2);
        var text = StringArg(call, args[0], 0);
        var delimiters = StringArg(call, args[1], 1);
        var parts = delimiters.Length == 0
            ? [text]
            : text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
    }

    private static JsonNode UuidOf(IntrinsicCall call, JsonNode?[] args)
    {
        Arity(call, args, 0, 0);
        return JsonValue.Create(Guid.NewGuid().ToString());
    }
}
