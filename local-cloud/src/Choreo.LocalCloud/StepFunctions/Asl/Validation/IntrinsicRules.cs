using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Intrinsics;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// Intrinsic calls checked when the definition is created, as AWS checks them: the number of arguments and the kind of
/// each literal argument (a path or nested call is only known at run time). Also the NO_DOLLAR warning for a field
/// whose value looks like a path or call but whose name lacks <c>.$</c>.
/// </summary>
public static class IntrinsicRules
{
    private static readonly string[] TemplateFields = ["Parameters", "ResultSelector", "ItemSelector"];

    // Function → (fewest, most arguments, the literal kind each position takes: n number, s string, b boolean, * any).
    private static readonly Dictionary<string, (int Min, int Max, string Kinds)> Signatures = new(StringComparer.Ordinal)
    {
        ["States.Format"] = (1, int.MaxValue, "s"),
        ["States.StringToJson"] = (1, 1, "s"),
        ["States.JsonToString"] = (1, 1, "*"),
        ["States.Array"] = (0, int.MaxValue, string.Empty),
        ["States.ArrayPartition"] = (2, 2, "*n"),
        ["States.ArrayContains"] = (2, 2, "**"),
        ["States.ArrayRange"] = (3, 3, "nnn"),
        ["States.ArrayGetItem"] = (2, 2, "*n"),
        ["States.ArrayLength"] = (1, 1, "*"),
        ["States.ArrayUnique"] = (1, 1, "*"),
        ["States.Base64Encode"] = (1, 1, "s"),
        ["States.Base64Decode"] = (1, 1, "s"),
        ["States.Hash"] = (2, 2, "*s"),
        ["States.JsonMerge"] = (3, 3, "**b"),
        ["States.MathRandom"] = (2, 3, "nnn"),
        ["States.MathAdd"] = (2, 2, "nn"),
        ["States.StringSplit"] = (2, 2, "ss"),
        ["States.UUID"] = (0, 0, string.Empty),
    };

    public static IEnumerable<DefinitionDiagnostic> Check(JsonObject state, string at)
    {
        foreach (var field in TemplateFields)
        {
            if (state[field] is JsonObject template)
            {
                foreach (var diagnostic in Template(template, $"{at}/{field}"))
                {
                    yield return diagnostic;
                }
            }
        }

        foreach (var field in new[] { "ErrorPath", "CausePath" })
        {
            if (JsonText.TryGetString(state[field], out var text) && IntrinsicCall.LooksLikeCall(text) && Problem(text) is not null)
            {
                yield return Invalid(field, $"{at}/{field}");
            }
        }
    }

    private static IEnumerable<DefinitionDiagnostic> Template(JsonObject template, string at)
    {
        foreach (var (key, value) in template)
        {
            if (value is JsonObject nested)
            {
                foreach (var diagnostic in Template(nested, at))
                {
                    yield return diagnostic;
                }
            }
            else if (value is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    foreach (var diagnostic in Template(item, at))
                    {
                        yield return diagnostic;
                    }
                }
            }
            else if (JsonText.TryGetString(value, out var text))
            {
                if (key.EndsWith(".$", StringComparison.Ordinal))
                {
                    if (IntrinsicCall.LooksLikeCall(text) && Problem(text) is not null)
                    {
                        yield return Invalid(key, at);
                    }
                }
                else if (text.StartsWith("$.", StringComparison.Ordinal) || (IntrinsicCall.LooksLikeCall(text) && text.Contains('(')))
                {
                    yield return new DefinitionDiagnostic(
                        DiagnosticSeverity.Warning, "NO_DOLLAR",
                        $"The value for the field '{key}' looks like a JSONPath or an intrinsic function call, but the field name does not end with '.$'", at);
                }
            }
        }
    }

    private static DefinitionDiagnostic Invalid(string field, string at) => DefinitionDiagnostic.Error(
        "SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call", at);

    /// <summary>Why a call text is refused, or null when AWS accepts it.</summary>
    public static string? Problem(string text)
    {
        IntrinsicCall call;
        try
        {
            call = IntrinsicCall.Parse(text);
        }
        catch (IntrinsicSyntaxException e)
        {
            return e.Message;
        }

        return Problem(call);
    }

    private static string? Problem(IntrinsicCall call)
    {
        if (!Signatures.TryGetValue(call.Name, out var signature))
        {
            return $"unknown function '{call.Name}'";
        }

        var count = call.Arguments.Count;
        if (count < signature.Min || count > signature.Max)
        {
            return $"{call.Name} takes {(signature.Min == signature.Max ? signature.Min : $"{signature.Min} to {signature.Max}")} arguments, not {count}";
        }

        for (var i = 0; i < count; i++)
        {
            switch (call.Arguments[i])
            {
                case IntrinsicArgument.Call nested when Problem(nested.Value) is { } inner:
                    return inner;
                case IntrinsicArgument.Literal literal when !Fits(literal.Value, KindAt(signature.Kinds, i)):
                    return $"argument {i + 1} of {call.Name} has the wrong type";
            }
        }

        return call.Name == "States.JsonMerge" && call.Arguments[2] is IntrinsicArgument.Literal { Value: var deep } && JsonText.Kind(deep) != JsonValueKind.False
            ? "States.JsonMerge supports only a shallow merge (its third argument must be false)"
            : null;
    }

    private static char KindAt(string kinds, int index) => kinds.Length == 0 ? '*' : index < kinds.Length ? kinds[index] : kinds[^1];

    private static bool Fits(JsonNode? value, char kind) => kind switch
    {
        'n' => JsonText.IsNumber(value),
        's' => JsonText.IsString(value),
        'b' => JsonText.IsBoolean(value),
        _ => true,
    };
}
