using System.Text.Json;
using Choreo.LocalCloud.EventBridge.Patterns.Matchers;
using Choreo.LocalCloud.EventBridge.Patterns.Matching;
using Choreo.LocalCloud.EventBridge.Patterns.Values;

namespace Choreo.LocalCloud.EventBridge.Patterns.Compilation;

/// <summary>
/// Compiles the value of <c>anything-but</c>: a string, a number, a list of only strings or only numbers,
/// or an object applying <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c> or <c>wildcard</c> to a
/// string or a list of strings.
/// </summary>
internal static class AnythingButCompiler
{
    private enum Kind
    {
        Values,
        EqualsIgnoreCase,
        Prefix,
        Suffix,
        Wildcard,
    }

    public static ValueMatcher Compile(JsonElement value)
    {
        var kind = Kind.Values;
        var operand = value;
        var innerHasExtraKey = false;
        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = value.EnumerateObject().ToArray();
            if (properties.Length == 0)
            {
                throw Invalid("Anything-But expression name not found");
            }
            kind = properties[0].Name switch
            {
                "equals-ignore-case" => Kind.EqualsIgnoreCase,
                "prefix" => Kind.Prefix,
                "suffix" => Kind.Suffix,
                "wildcard" => Kind.Wildcard,
                var other => throw Invalid("Unsupported anything-but pattern: " + other),
            };
            operand = properties[0].Value;
            innerHasExtraKey = properties.Length > 1;
        }
        if (operand.ValueKind is not (JsonValueKind.Array or JsonValueKind.String or JsonValueKind.Number))
        {
            throw Invalid("Value of anything-but must be an array or single string/number value.");
        }
        var excluded = kind == Kind.Values ? ExcludedValues(operand) : ExcludedStrings(operand, kind);
        if (innerHasExtraKey)
        {
            throw Invalid(NumericExpressionCompiler.TooManyElements);
        }
        return new AnythingButMatcher(excluded);
    }

    private static List<ValueMatcher> ExcludedValues(JsonElement operand)
    {
        var excluded = new List<ValueMatcher>();
        if (operand.ValueKind != JsonValueKind.Array)
        {
            excluded.Add(ValueMatcherFor(operand));
            return excluded;
        }
        var hasString = false;
        var hasNumber = false;
        foreach (var item in operand.EnumerateArray())
        {
            if (item.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                throw Invalid("Inside anything but list, start|null|boolean is not supported.");
            }
            hasString |= item.ValueKind == JsonValueKind.String;
            hasNumber |= item.ValueKind == JsonValueKind.Number;
            excluded.Add(ValueMatcherFor(item));
        }
        if (hasString == hasNumber)
        {
            throw Invalid("Inside anything but list, either all values are number or string, mixed type is not supported");
        }
        return excluded;
    }

    private static ValueMatcher ValueMatcherFor(JsonElement item) => item.ValueKind == JsonValueKind.Number
        ? NumericRangeMatcher.EqualTo(NumericExpressionCompiler.Comparable(item))
        : new ExactMatcher(EventValueKind.String, item.GetString()!);

    private static List<ValueMatcher> ExcludedStrings(JsonElement operand, Kind kind)
    {
        var texts = new List<string>();
        if (operand.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in operand.EnumerateArray())
            {
                texts.Add(StringOperand(item, kind));
            }
        }
        else
        {
            texts.Add(StringOperand(operand, kind));
        }
        // Wildcards are parsed once the whole list has been read, as AWS does.
        return texts.Select(text => kind switch
        {
            Kind.EqualsIgnoreCase => (ValueMatcher)new EqualsIgnoreCaseMatcher(text),
            Kind.Prefix => new PrefixMatcher(text, ignoreCase: false),
            Kind.Suffix => new SuffixMatcher(text, ignoreCase: false),
            _ => new WildcardMatcher(WildcardPattern.Parse(text)),
        }).ToList();
    }

    private static string StringOperand(JsonElement item, Kind kind)
    {
        if (item.ValueKind != JsonValueKind.String)
        {
            throw Invalid(kind switch
            {
                Kind.EqualsIgnoreCase => "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
                Kind.Wildcard => "wildcard match pattern must be a string",
                _ => "prefix/suffix match pattern must be a string",
            });
        }
        var text = item.GetString()!;
        if (text.Length == 0 && kind is Kind.Prefix or Kind.Suffix)
        {
            throw Invalid("Null prefix/suffix not allowed");
        }
        return text;
    }

    private static InvalidEventPatternException Invalid(string reason) => new(reason);
}
