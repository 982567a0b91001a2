using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>
/// The context object (<c>$$</c>) as a state sees it. The execution and state machine parts are shared
/// and read-only; the state, task and map parts are built only when a path reads them.
/// </summary>
public sealed class ContextObject
{
    private readonly JsonObject _shared;

    private ContextObject(JsonObject shared, string stateName, DateTimeOffset enteredTime, int retryCount, string? taskToken, int? mapIndex, JsonNode? mapValue)
    {
        _shared = shared;
        StateName = stateName;
        EnteredTime = enteredTime;
        RetryCount = retryCount;
        TaskToken = taskToken;
        MapIndex = mapIndex;
        MapValue = mapValue;
    }

    public string StateName { get; }

    public DateTimeOffset EnteredTime { get; }

    public int RetryCount { get; }

    public string? TaskToken { get; }

    public int? MapIndex { get; }

    public JsonNode? MapValue { get; }

    /// <summary>The execution-wide part: <c>$$.Execution</c> and <c>$$.StateMachine</c>.</summary>
    public static JsonObject SharedPart(
        string executionArn, string executionName, JsonNode? input, string roleArn, DateTimeOffset startTime,
        string stateMachineArn, string stateMachineName) => new()
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = executionArn,
                ["Input"] = input?.DeepClone(),
                ["Name"] = executionName,
                ["RoleArn"] = roleArn,
                ["StartTime"] = FormatTime(startTime),
                ["RedriveCount"] = 0,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = stateMachineArn,
                ["Name"] = stateMachineName,
            },
        };

    public static ContextObject ForState(JsonObject shared, string stateName, DateTimeOffset enteredTime) =>
        new(shared, stateName, enteredTime, 0, null, null, null);

    public ContextObject WithRetryCount(int retryCount) => new(_shared, StateName, EnteredTime, retryCount, TaskToken, MapIndex, MapValue);

    public ContextObject WithTaskToken(string token) => new(_shared, StateName, EnteredTime, RetryCount, token, MapIndex, MapValue);

    public ContextObject WithMapItem(int index, JsonNode? value) => new(_shared, StateName, EnteredTime, RetryCount, TaskToken, index, value);

    /// <summary>The root a <c>$$</c> path evaluates against.</summary>
    public JsonNode RootFor(JsonPath path)
    {
        // Only the section the path reads is built, so a Map reading $$.Map.Item per item stays cheap.
        return path.Segments.Count > 0 && path.Segments[0] is FieldSegment first
            ? first.Name switch
            {
                "Execution" or "StateMachine" => _shared,
                "State" => new JsonObject { ["State"] = StatePart() },
                "Task" => TaskToken is null ? new JsonObject() : new JsonObject { ["Task"] = TaskPart() },
                "Map" => MapIndex is null ? new JsonObject() : new JsonObject { ["Map"] = MapPart() },
                _ => new JsonObject(),
            }
            : Build();
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private JsonObject Build()
    {
        var root = (JsonObject)_shared.DeepClone();
        root["State"] = StatePart();
        if (TaskToken is not null)
        {
            root["Task"] = TaskPart();
        }

        if (MapIndex is not null)
        {
            root["Map"] = MapPart();
        }

        return root;
    }

    private JsonObject StatePart() => new()
    {
        ["EnteredTime"] = FormatTime(EnteredTime),
        ["Name"] = StateName,
        ["RetryCount"] = RetryCount,
    };

    private JsonObject TaskPart() => new() { ["Token"] = TaskToken };

    private JsonObject MapPart() => new()
    {
        ["Item"] = new JsonObject { ["Index"] = MapIndex, ["Value"] = MapValue?.DeepClone() },
    };
}
