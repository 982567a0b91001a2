using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.Intrinsics;

/// <summary>A parsed intrinsic function call, e.g. <c>States.Format('{}', $.name)</c>.</summary>
public sealed class IntrinsicCall
{
    private IntrinsicCall(string name, IReadOnlyList<IntrinsicArgument> arguments, string text)
    {
        Name = name;
        Arguments = arguments;
        Text = text;
    }

    public string Name { get; }

    public IReadOnlyList<IntrinsicArgument> Arguments { get; }

    public string Text { get; }

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    public static IntrinsicCall Parse(string text)
    {
        var i = 0;
        var call = ParseCall(text, ref i);
        SkipSpaces(text, ref i);
        if (i != text.Length)
        {
            throw new IntrinsicSyntaxException(text, $"unexpected text after the call at position {i}");
        }

        return call;
    }

    public JsonNode? Evaluate(PathScope scope)
    {
        var values = new JsonNode?[Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Arguments[i] switch
            {
                IntrinsicArgument.Literal l => l.Value?.DeepClone(),
                IntrinsicArgument.Path p => ResolvePath(p.Value, scope),
                IntrinsicArgument.Call c => c.Value.Evaluate(scope),
                _ => null,
            };
        }

        return IntrinsicFunctions.Invoke(this, values);
    }

    private JsonNode? ResolvePath(JsonPath path, PathScope scope)
    {
        var root = scope.RootFor(path);
        if (!path.TrySelectSingle(root, out var value))
        {
            throw StateError.Runtime(
                $"The JsonPath argument for the field '{path.Text}' could not be found in the input '{Json.JsonText.Serialize(root)}'");
        }

        return Json.JsonText.Detach(value);
    }

    private static IntrinsicCall ParseCall(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var name = text[start..i];
        if (!name.StartsWith("States.", StringComparison.Ordinal) || !IntrinsicFunctions.IsKnown(name))
        {
            throw new IntrinsicSyntaxException(text, $"unknown function '{name}'");
        }

        SkipSpaces(text, ref i);
        if (i >= text.Length || text[i] != '(')
        {
            throw new IntrinsicSyntaxException(text, $"expected '(' after {name}");
        }

        i++;
        var arguments = new List<IntrinsicArgument>();
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i] == ')')
        {
            i++;
            return new IntrinsicCall(name, arguments, text[start..i]);
        }

        while (true)
        {
            SkipSpaces(text, ref i);
            arguments.Add(ParseArgument(text, ref i));
            SkipSpaces(text, ref i);
            if (i >= text.Length)
            {
                throw new IntrinsicSyntaxException(text, "missing ')'");
            }

            if (text[i] == ')')
            {
                i++;
                break;
            }

            if (text[i] != ',')
            {
                throw new IntrinsicSyntaxException(text, $"unexpected '{text[i]}' at position {i}");
            }

            i++;
        }

        return new IntrinsicCall(name, arguments, text[start..i]);
    }

    private static IntrinsicArgument ParseArgument(string text, ref int i)
    {
        if (i >= text.Length)
        {
            throw new IntrinsicSyntaxException(text, "missing argument");
        }

        var c = text[i];
        if (c == '\'')
        {
            var raw = ReadString(text, ref i);
            return new IntrinsicArgument.Literal(JsonValue.Create(UnescapeBraces(raw)), raw);
        }

        if (c == '$')
        {
            var start = i;
            var depth = 0;
            var quoted = false;
            while (i < text.Length)
            {
                var ch = text[i];
                if (ch == '\'')
                {
                    quoted = !quoted;
                }
                else if (!quoted && (ch == '[' || ch == '('))
                {
                    depth++;
                }
                else if (!quoted && (ch == ']' || (ch == ')' && depth > 0)))
                {
                    depth--;
                }
                else if (!quoted && depth == 0 && (ch == ',' || ch == ')'))
                {
                    break;
                }

                i++;
            }

            var pathText = text[start..i].TrimEnd();
            try
            {
                return new IntrinsicArgument.Path(JsonPath.Parse(pathText));
            }
            catch (JsonPathSyntaxException e)
            {
                throw new IntrinsicSyntaxException(text, e.Message);
            }
        }

        if (text.AsSpan(i).StartsWith("States."))
        {
            return new IntrinsicArgument.Call(ParseCall(text, ref i));
        }

        var begin = i;
        while (i < text.Length && text[i] != ',' && text[i] != ')')
        {
            i++;
        }

        var token = text[begin..i].Trim();
        switch (token)
        {
            case "true":
                return new IntrinsicArgument.Literal(JsonValue.Create(true));
            case "false":
                return new IntrinsicArgument.Literal(JsonValue.Create(false));
            case "null":
                return new IntrinsicArgument.Literal(null);
        }

        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new IntrinsicArgument.Literal(JsonValue.Create(integer));
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return new IntrinsicArgument.Literal(JsonValue.Create(real));
        }

        throw new IntrinsicSyntaxException(text, $"invalid argument '{token}'");
    }

    private static string ReadString(string text, ref int i)
    {
        // Literal strings keep \{ and \} escaped (States.Format needs them); \' and \\ are unescaped here; no other escape exists.
        var sb = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next is '\'' or '\\')
                {
                    sb.Append(next);
                }
                else if (next is '{' or '}')
                {
                    sb.Append(c).Append(next);
                }
                else
                {
                    // AWS refuses any other escape (\" included) when the definition is created.
                    throw new IntrinsicSyntaxException(text, $"illegal escape '\\{next}' in a string literal");
                }

                i += 2;
                continue;
            }

            if (c == '\'')
            {
                i++;
                return sb.ToString();
            }

            sb.Append(c);
            i++;
        }

        throw new IntrinsicSyntaxException(text, "unclosed string literal");
    }

    internal static string UnescapeBraces(string raw) => raw.Replace("\\{", "{").Replace("\\}", "}");

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
