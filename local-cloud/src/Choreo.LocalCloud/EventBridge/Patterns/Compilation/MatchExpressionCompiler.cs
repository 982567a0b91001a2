using System.Text.Json;
using Choreo.LocalCloud.EventBridge.Patterns.Matchers;
using Choreo.LocalCloud.EventBridge.Patterns.Values;

namespace Choreo.LocalCloud.EventBridge.Patterns.Compilation;

/// <summary>
/// Compiles one object entry of a field's array (<c>{"prefix": "a"}</c>, <c>{"numeric": [...]}</c>, ...).
/// The operator's value is checked before any extra key, as AWS reads them.
/// </summary>
internal static class MatchExpressionCompiler
{
    public const string OnlyOneKey = "Only one key allowed in match expression";

    public static ValueMatcher Compile(JsonElement expression)
    {
        var properties = expression.EnumerateObject().ToArray();
        if (properties.Length == 0)
        {
            throw Invalid("Match expression name not found");
        }
        var (name, value) = (properties[0].Name, properties[0].Value);
        var hasExtraKey = properties.Length > 1;
        ValueMatcher matcher;
        switch (name)
        {
            case "exactly":
                matcher = new ExactMatcher(Matching.EventValueKind.String, RequireString(value, "exact match pattern must be a string"));
                break;
            case "prefix":
                matcher = value.ValueKind == JsonValueKind.Object
                    ? new PrefixMatcher(IgnoreCaseOperand(value, "Prefix", "prefix"), ignoreCase: true)
                    : new PrefixMatcher(RequireString(value, "prefix match pattern must be a string"), ignoreCase: false);
                break;
            case "suffix":
                matcher = value.ValueKind == JsonValueKind.Object
                    ? new SuffixMatcher(IgnoreCaseOperand(value, "Suffix", "suffix"), ignoreCase: true)
                    : new SuffixMatcher(RequireString(value, "suffix match pattern must be a string"), ignoreCase: false);
                break;
            case "equals-ignore-case":
                matcher = new EqualsIgnoreCaseMatcher(RequireString(value, "equals-ignore-case match pattern must be a string"));
                break;
            case "wildcard":
                matcher = new WildcardMatcher(WildcardPattern.Parse(RequireString(value, "wildcard match pattern must be a string")));
                break;
            case "cidr":
                // AWS reports a non-string CIDR with the prefix message.
                matcher = new IpRangeMatcher(IpRange.ParseCidr(RequireString(value, "prefix match pattern must be a string")));
                break;
            case "exists":
                matcher = value.ValueKind switch
                {
                    JsonValueKind.True => ExistsMatcher.Instance,
                    JsonValueKind.False => AbsenceMatcher.Instance,
                    _ => throw Invalid("exists match pattern must be either true or false."),
                };
                break;
            case "numeric":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    throw Invalid("Value of numeric must be an array.");
                }
                matcher = NumericExpressionCompiler.Compile(value);
                if (hasExtraKey)
                {
                    throw Invalid(NumericExpressionCompiler.TooManyElements);
                }
                return matcher;
            case "anything-but":
                matcher = AnythingButCompiler.Compile(value);
                if (hasExtraKey)
                {
                    // AWS reuses the numeric message here.
                    throw Invalid(NumericExpressionCompiler.TooManyElements);
                }
                return matcher;
            default:
                throw Invalid("Unrecognized match type " + name);
        }
        if (hasExtraKey)
        {
            throw Invalid(OnlyOneKey);
        }
        return matcher;
    }

    /// <summary>The string of <c>{"equals-ignore-case": "..."}</c> nested in a prefix or suffix.</summary>
    private static string IgnoreCaseOperand(JsonElement inner, string label, string operatorName)
    {
        var properties = inner.EnumerateObject().ToArray();
        if (properties.Length == 0)
        {
            throw Invalid($"{label} expression name not found");
        }
        if (properties[0].Name != "equals-ignore-case")
        {
            throw Invalid($"Unsupported {operatorName} pattern: {properties[0].Name}");
        }
        var text = RequireString(properties[0].Value, "equals-ignore-case match pattern must be a string");
        if (properties.Length > 1)
        {
            throw Invalid(OnlyOneKey);
        }
        return text;
    }

    private static string RequireString(JsonElement value, string reason) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(reason);

    private static InvalidEventPatternException Invalid(string reason) => new(reason);
}
