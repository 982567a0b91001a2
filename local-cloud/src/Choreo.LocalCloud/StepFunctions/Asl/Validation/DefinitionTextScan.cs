using System.Text;
using System.Text.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// The first pass over a definition's raw text, with a reader that sees every key (a parsed tree keeps only one of
/// two equal keys): JSON syntax errors, a definition that is not an object, duplicate state names and duplicate keys.
/// AWS reads definitions with Jackson, so syntax problems are worded and located the way Jackson words them
/// (<c>… at [Source: (String)"…"; line: 1, column: 4]</c>).
/// </summary>
public static class DefinitionTextScan
{
    private const int JacksonSourceLimit = 500;

    private enum Role
    {
        Graph,
        StateMap,
        State,
        Branches,
        Other,
    }

    /// <summary>Diagnostics for the text; <paramref name="isObject"/> says whether later passes can read it.</summary>
    public static IReadOnlyList<DefinitionDiagnostic> Scan(string definition, out bool isObject)
    {
        var diagnostics = new List<DefinitionDiagnostic>();
        isObject = false;
        if (definition.Trim().Length == 0)
        {
            diagnostics.Add(DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null));
            return diagnostics;
        }

        var bytes = Encoding.UTF8.GetBytes(definition);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        var containers = new Stack<(Role Role, string Pointer, HashSet<string>? Keys, int Index)>();
        string? pendingKey = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var (role, pointer) = containers.Count == 0 ? (Role.Graph, string.Empty) : ChildOf(containers.Peek(), pendingKey);
                        if (containers.Count > 0 && containers.Peek().Keys is null)
                        {
                            Advance(containers);
                        }

                        containers.Push((role, pointer, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, 0));
                        pendingKey = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        pendingKey = reader.GetString()!;
                        var current = containers.Peek();
                        if (!current.Keys!.Add(pendingKey))
                        {
                            diagnostics.Add(current.Role == Role.StateMap
                                ? DefinitionDiagnostic.Error("DUPLICATE_STATE_NAME", $"Duplicate State name: {pendingKey}", $"{current.Pointer}/{Pointer.Escape(pendingKey)}")
                                : JacksonError($"Duplicate field '{pendingKey}'", definition, bytes, (int)reader.BytesConsumed));
                        }

                        break;
                    default:
                        if (containers.Count > 0 && containers.Peek().Keys is null)
                        {
                            Advance(containers);
                        }

                        pendingKey = null;
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            diagnostics.Clear();
            diagnostics.Add(SyntaxError(e, definition, bytes));
            return diagnostics;
        }

        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        isObject = document.RootElement.ValueKind == JsonValueKind.Object;
        if (!isObject)
        {
            diagnostics.Add(DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null));
        }

        return diagnostics;
    }

    private static void Advance(Stack<(Role Role, string Pointer, HashSet<string>? Keys, int Index)> containers)
    {
        var top = containers.Pop();
        containers.Push(top with { Index = top.Index + 1 });
    }

    private static (Role Role, string Pointer) ChildOf((Role Role, string Pointer, HashSet<string>? Keys, int Index) parent, string? key)
    {
        if (parent.Keys is null)
        {
            var pointer = $"{parent.Pointer}/{parent.Index}";
            return (parent.Role == Role.Branches ? Role.Graph : Role.Other, pointer);
        }

        var child = $"{parent.Pointer}/{Pointer.Escape(key!)}";
        var role = (parent.Role, key) switch
        {
            (Role.Graph, "States") => Role.StateMap,
            (Role.StateMap, _) => Role.State,
            (Role.State, "Iterator" or "ItemProcessor") => Role.Graph,
            (Role.State, "Branches") => Role.Branches,
            _ => Role.Other,
        };
        return (role, child);
    }

    private static DefinitionDiagnostic SyntaxError(JsonException e, string definition, byte[] bytes)
    {
        var line = (int)(e.LineNumber ?? 0);
        var byteInLine = (int)(e.BytePositionInLine ?? 0);
        var offset = OffsetOf(bytes, line, byteInLine);
        while (offset > 0 && offset <= bytes.Length && char.IsAsciiLetter((char)bytes[offset - 1]))
        {
            offset--;
        }

        var word = WordAt(bytes, offset);
        if (word.Length > 0 && word is not ("true" or "false" or "null"))
        {
            // Jackson reports an unknown bare word at the column just after it.
            return JacksonError(
                $"Unrecognized token '{word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                definition, bytes, offset + word.Length);
        }

        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return JacksonError(cut > 0 ? reason[..cut].TrimEnd() : reason, definition, bytes, offset);
    }

    private static DefinitionDiagnostic JacksonError(string reason, string definition, byte[] bytes, int byteOffset)
    {
        var (line, column) = LineAndColumn(bytes, byteOffset);
        var source = definition.Length <= JacksonSourceLimit
            ? $"(String)\"{definition}\""
            : $"(String)\"{definition[..JacksonSourceLimit]}\"[truncated {definition.Length - JacksonSourceLimit} chars]";
        var location = $"[Source: {source}; line: {line}, column: {column}]";
        return DefinitionDiagnostic.Error("INVALID_JSON_DESCRIPTION", $"{reason}\n at {location}", location);
    }

    private static int OffsetOf(byte[] bytes, int line, int byteInLine)
    {
        var offset = 0;
        for (var seen = 0; seen < line && offset < bytes.Length; offset++)
        {
            if (bytes[offset] == (byte)'\n')
            {
                seen++;
            }
        }

        return Math.Min(bytes.Length, offset + byteInLine);
    }

    private static string WordAt(byte[] bytes, int offset)
    {
        var end = offset;
        while (end < bytes.Length && (char.IsAsciiLetterOrDigit((char)bytes[end]) || bytes[end] == (byte)'_'))
        {
            end++;
        }

        // Only a bare word where a value starts; letters inside a string are another kind of error.
        var startsValue = offset == 0 || bytes[offset - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)':' or (byte)',' or (byte)'[';
        return end > offset && startsValue && char.IsAsciiLetter((char)bytes[offset]) ? Encoding.UTF8.GetString(bytes, offset, end - offset) : string.Empty;
    }

    private static (int Line, int Column) LineAndColumn(byte[] bytes, int byteOffset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < byteOffset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, Math.Max(0, Math.Min(byteOffset, bytes.Length) - lineStart)) + 1);
    }
}
