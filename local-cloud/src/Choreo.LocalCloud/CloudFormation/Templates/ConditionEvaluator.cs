using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Intrinsics;

namespace Choreo.LocalCloud.CloudFormation.Templates;

/// <summary>
/// Evaluates the template's Conditions (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition references) once
/// each, on first use; also the assertions of Rules (which add Fn::Contains). A condition that refers back
/// to itself is an error, not an endless loop.
/// </summary>
public sealed class ConditionEvaluator(JsonObject? conditions, IntrinsicResolver resolver)
{
    private readonly Dictionary<string, bool> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    public bool Evaluate(string name, string location)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        if (conditions is null || !conditions.TryGetPropertyValue(name, out var expression))
        {
            throw new TemplateException($"Template error at {location}: condition '{name}' is not defined in Conditions");
        }

        if (!_evaluating.Add(name))
        {
            throw new TemplateException($"Template error at {location}: condition '{name}' depends on itself");
        }

        var value = EvaluateExpression(expression, $"Conditions.{name}");
        _evaluating.Remove(name);
        _values[name] = value;
        return value;
    }

    public bool EvaluateExpression(JsonNode? expression, string location)
    {
        if (expression is JsonObject { Count: 1 } obj)
        {
            var (function, argument) = obj.First();
            var at = $"{location}.{function}";
            switch (function)
            {
                case "Condition":
                    return Evaluate(IntrinsicResolver.AsText(argument, at), at);
                case "Fn::Equals":
                {
                    var args = Operands(argument, at, 2, 2);
                    return Canonical(resolver.Resolve(args[0], at)) == Canonical(resolver.Resolve(args[1], at));
                }

                case "Fn::And":
                    return Operands(argument, at, 2, 10).Select((c, i) => EvaluateExpression(c, $"{at}[{i}]")).ToList().All(v => v);
                case "Fn::Or":
                    return Operands(argument, at, 2, 10).Select((c, i) => EvaluateExpression(c, $"{at}[{i}]")).ToList().Any(v => v);
                case "Fn::Not":
                    return !EvaluateExpression(Operands(argument, at, 1, 1)[0], $"{at}[0]");
                case "Fn::Contains":
                {
                    var args = Operands(argument, at, 2, 2);
                    var value = Canonical(resolver.Resolve(args[1], at));
                    return resolver.Resolve(args[0], at) is JsonArray list
                        ? list.Any(item => Canonical(item) == value)
                        : throw new TemplateException($"Template error at {at}: Fn::Contains needs a list as its first argument");
                }
            }

            throw new TemplateException($"Template error at {at}: {function} is not a condition function");
        }

        throw new TemplateException($"Template error at {location}: a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or {{\"Condition\": name}}");
    }

    private static JsonArray Operands(JsonNode? argument, string at, int min, int max)
    {
        if (argument is JsonArray args && args.Count >= min && args.Count <= max)
        {
            return args;
        }

        var expected = min == max ? $"{min}" : $"{min} to {max}";
        throw new TemplateException($"Template error at {at}: expected a list of {expected} operands");
    }

    // CloudFormation compares condition operands as strings: "1" equals 1.
    private static string Canonical(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
