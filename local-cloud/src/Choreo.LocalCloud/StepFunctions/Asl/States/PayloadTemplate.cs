using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Intrinsics;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// A Parameters / ItemSelector / ResultSelector template, compiled once: keys ending in <c>.$</c> take
/// their value from a path or an intrinsic function call; everything else is copied as written.
/// </summary>
public abstract class PayloadTemplate
{
    public abstract JsonNode? Evaluate(PathScope scope);

    /// <summary>Compiles a template; throws <see cref="JsonPathSyntaxException"/> or <see cref="IntrinsicSyntaxException"/> for bad expressions.</summary>
    public static PayloadTemplate Compile(JsonNode? node) => node switch
    {
        JsonObject obj => new ObjectTemplate(obj.Select(p => CompileField(p.Key, p.Value)).ToArray()),
        JsonArray array => new ArrayTemplate(array.Select(Compile).ToArray()),
        _ => new ConstantTemplate(node?.DeepClone()),
    };

    private static (string Key, PayloadTemplate Value) CompileField(string key, JsonNode? value)
    {
        if (!key.EndsWith(".$", StringComparison.Ordinal))
        {
            return (key, Compile(value));
        }

        var name = key[..^2];
        if (!JsonText.TryGetString(value, out var expression))
        {
            throw new JsonPathSyntaxException(key, $"the value of '{key}' must be a path or an intrinsic function");
        }

        if (IntrinsicCall.LooksLikeCall(expression))
        {
            return (name, new IntrinsicTemplate(IntrinsicCall.Parse(expression)));
        }

        return (name, new PathTemplate(JsonPath.Parse(expression), key));
    }

    private sealed class ConstantTemplate(JsonNode? value) : PayloadTemplate
    {
        public override JsonNode? Evaluate(PathScope scope) => value?.DeepClone();
    }

    private sealed class ObjectTemplate((string Key, PayloadTemplate Value)[] fields) : PayloadTemplate
    {
        public override JsonNode? Evaluate(PathScope scope)
        {
            var result = new JsonObject();
            foreach (var (key, template) in fields)
            {
                result[key] = JsonText.Detach(template.Evaluate(scope));
            }

            return result;
        }
    }

    private sealed class ArrayTemplate(PayloadTemplate[] items) : PayloadTemplate
    {
        public override JsonNode? Evaluate(PathScope scope)
        {
            var result = new JsonArray();
            foreach (var item in items)
            {
                result.Add(JsonText.Detach(item.Evaluate(scope)));
            }

            return result;
        }
    }

    private sealed class PathTemplate(JsonPath path, string field) : PayloadTemplate
    {
        public override JsonNode? Evaluate(PathScope scope)
        {
            var root = scope.RootFor(path);
            if (path.TrySelectSingle(root, out var value))
            {
                return value;
            }

            throw StateError.Runtime(
                $"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonText.Serialize(root)}'");
        }
    }

    private sealed class IntrinsicTemplate(IntrinsicCall call) : PayloadTemplate
    {
        public override JsonNode? Evaluate(PathScope scope)
        {
            try
            {
                return call.Evaluate(scope);
            }
            catch (JsonException e)
            {
                throw StateError.Runtime($"The intrinsic function {call.Name} failed: {e.Message}");
            }
        }
    }
}
