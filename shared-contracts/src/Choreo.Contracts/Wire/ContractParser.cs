using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Choreo.Contracts.Details;

namespace Choreo.Contracts.Wire;

/// <summary>
/// Parses Choreo's events and details. Malformed input is rejected with a
/// <see cref="ContractViolationException"/> that names the field; nothing half-filled comes back.
/// </summary>
public static class ContractParser
{
    /// <summary>The detail record type for each detail-type.</summary>
    public static IReadOnlyDictionary<string, JsonTypeInfo> DetailTypeInfos { get; } = new Dictionary<string, JsonTypeInfo>
    {
        [DetailTypes.Start] = ContractsJsonContext.Default.Start,
        [DetailTypes.GetUsers] = ContractsJsonContext.Default.GetUsers,
        [DetailTypes.GetUserProfile] = ContractsJsonContext.Default.GetUserProfile,
        [DetailTypes.GetUserCookies] = ContractsJsonContext.Default.GetUserCookies,
        [DetailTypes.GenerateReport] = ContractsJsonContext.Default.GenerateReport,
        [DetailTypes.Done] = ContractsJsonContext.Default.Done,
        [DetailTypes.Failed] = ContractsJsonContext.Default.Failed,
        [DetailTypes.AsyncDone] = ContractsJsonContext.Default.AsyncDone,
    };

    /// <summary>Parses a whole event and checks that its detail-type is the one <typeparamref name="TDetail"/> stands for.</summary>
    public static EventEnvelope<TDetail> ParseEvent<TDetail>(string json, JsonTypeInfo<EventEnvelope<TDetail>> typeInfo)
    {
        var envelope = Deserialize(json, typeInfo, string.Empty);
        var expected = DetailTypeInfos.FirstOrDefault(p => p.Value.Type == typeof(TDetail)).Key;
        if (expected is not null && envelope.DetailType != expected)
        {
            throw new ContractViolationException("detail-type", $"expected '{expected}' but the event says '{envelope.DetailType}'");
        }
        Validate(envelope.Detail, "detail");
        return envelope;
    }

    /// <summary>Parses a bare detail of a known record type.</summary>
    public static TDetail ParseDetail<TDetail>(string json, JsonTypeInfo<TDetail> typeInfo)
    {
        var detail = Deserialize(json, typeInfo, "detail");
        Validate(detail, "detail");
        return detail;
    }

    /// <summary>Parses a detail by its detail-type name; an unknown detail-type is refused.</summary>
    public static object ParseDetail(string detailType, string json)
    {
        if (!DetailTypeInfos.TryGetValue(detailType, out var typeInfo))
        {
            throw new ContractViolationException("detail-type", $"unknown detail-type '{detailType}'; known: {string.Join(", ", DetailTypes.All)}");
        }
        var detail = Deserialize(json, typeInfo, "detail");
        Validate(detail, "detail");
        return detail;
    }

    /// <summary>Reads only the detail-type of an event, to route it before parsing its detail.</summary>
    public static string ReadDetailType(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ContractViolationException("$", "an event must be a JSON object");
            }
            if (!doc.RootElement.TryGetProperty("detail-type", out var dt) || dt.ValueKind != JsonValueKind.String)
            {
                throw new ContractViolationException("detail-type", "is missing or not a string");
            }
            return dt.GetString()!;
        }
        catch (JsonException e)
        {
            throw new ContractViolationException("$", $"not valid JSON ({e.Message})", e);
        }
    }

    private static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo, string root) =>
        (T)Deserialize(json, (JsonTypeInfo)typeInfo, root);

    private static object Deserialize(string json, JsonTypeInfo typeInfo, string root)
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new ContractViolationException(Join(root, string.Empty), "must be a JSON object, not null");
        }
        catch (JsonException e)
        {
            throw Describe(e, root);
        }
    }

    private static ContractViolationException Describe(JsonException e, string root)
    {
        var message = e.Message;
        const string missingMarker = "missing required properties including: ";
        var at = message.IndexOf(missingMarker, StringComparison.Ordinal);
        var path = PathOf(e.Path);
        if (at >= 0)
        {
            var names = message[(at + missingMarker.Length)..].TrimEnd('.').Replace("'", string.Empty);
            var field = Join(Join(root, path), names.Split(',')[0].Trim());
            return new ContractViolationException(field, $"is required but missing (missing: {names})", e);
        }
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return new ContractViolationException(Join(root, path), "must not be null", e);
        }
        if (e.Path is null && e.LineNumber is 0 && e.BytePositionInLine is 0 && message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return new ContractViolationException(Join(root, string.Empty), "must be a JSON object", e);
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return new ContractViolationException(Join(root, path), "has the wrong type", e);
        }
        return new ContractViolationException(Join(root, path), $"is malformed ({message})", e);
    }

    private static string PathOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return string.Empty;
        }
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    private static string Join(string left, string right) =>
        left.Length == 0 ? right : right.Length == 0 ? left : $"{left}.{right}";

    private static void Validate(object? detail, string root)
    {
        if (detail is ITaskDetail task)
        {
            if (string.IsNullOrWhiteSpace(task.TaskToken))
            {
                throw new ContractViolationException($"{root}.TaskToken", "must not be empty");
            }
            if (string.IsNullOrWhiteSpace(task.Execution))
            {
                throw new ContractViolationException($"{root}.execution", "must not be empty");
            }
        }
        switch (detail)
        {
            case GetUserProfile { Index: < 0 }:
            case GetUserCookies { Index: < 0 }:
                throw new ContractViolationException($"{root}.index", "must be 0 or more");
            case GetUserCookies { Profile: var url } when !Uri.TryCreate(url, UriKind.Absolute, out _):
                throw new ContractViolationException($"{root}.profile", "must be an absolute URL");
            case Start { People: < 0 }:
                throw new ContractViolationException($"{root}.people", "must be 0 or more");
            case Failed { Error.Length: 0 }:
                throw new ContractViolationException($"{root}.error", "must not be empty");
        }
    }
}
