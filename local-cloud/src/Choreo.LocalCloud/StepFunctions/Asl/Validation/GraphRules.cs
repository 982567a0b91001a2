using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// Rules about a graph of states as a whole: every state reachable from StartAt, at least one terminal state, and
/// state names unique across the whole machine (Parallel branches and Map processors included).
/// </summary>
public static class GraphRules
{
    /// <summary>The machine's graph and every nested one (Parallel branches, Map processors), with their pointers.</summary>
    public static IEnumerable<(JsonObject Graph, string At)> Graphs(JsonObject graph, string at) =>
        GraphsByExecutionType(graph, at, isExpress: false).Select(g => (g.Graph, g.At));

    /// <summary>
    /// Every graph with whether it runs as an Express workflow: the machine's own type, or the child workflows of a
    /// Distributed Map whose ExecutionType is EXPRESS (and everything nested inside them).
    /// </summary>
    public static IEnumerable<(JsonObject Graph, string At, bool IsExpress)> GraphsByExecutionType(JsonObject graph, string at, bool isExpress)
    {
        yield return (graph, at, isExpress);
        foreach (var (_, state, stateAt) in States(graph, at))
        {
            foreach (var field in new[] { "Iterator", "ItemProcessor" })
            {
                if (state[field] is JsonObject processor)
                {
                    foreach (var nested in GraphsByExecutionType(processor, $"{stateAt}/{field}", isExpress || RunsExpressChildren(processor)))
                    {
                        yield return nested;
                    }
                }
            }

            if (state["Branches"] is JsonArray branches)
            {
                for (var i = 0; i < branches.Count; i++)
                {
                    if (branches[i] is JsonObject branch)
                    {
                        foreach (var nested in GraphsByExecutionType(branch, $"{stateAt}/Branches/{i}", isExpress))
                        {
                            yield return nested;
                        }
                    }
                }
            }
        }
    }

    private static bool RunsExpressChildren(JsonObject processor) =>
        processor["ProcessorConfig"] is JsonObject config &&
        JsonText.TryGetString(config["Mode"], out var mode) && mode == "DISTRIBUTED" &&
        JsonText.TryGetString(config["ExecutionType"], out var type) && type == "EXPRESS";

    /// <summary>The states of one graph (not of nested graphs) that are objects.</summary>
    public static IEnumerable<(string Name, JsonObject State, string At)> States(JsonObject graph, string at)
    {
        if (graph["States"] is not JsonObject states)
        {
            yield break;
        }

        foreach (var (name, node) in states)
        {
            if (node is JsonObject state)
            {
                yield return (name, state, $"{at}/States/{Pointer.Escape(name)}");
            }
        }
    }

    public static IEnumerable<DefinitionDiagnostic> Check(JsonObject graph, string at)
    {
        if (graph["States"] is not JsonObject states || states.Count == 0)
        {
            yield break;
        }

        if (!states.Any(s => IsTerminal(s.Value as JsonObject)))
        {
            yield return DefinitionDiagnostic.Error("MISSING_END_STATE", "Workflow has no terminal state", at.Length == 0 ? "/" : at);
        }

        if (!JsonText.TryGetString(graph["StartAt"], out var startAt) || !states.ContainsKey(startAt))
        {
            yield break;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var pending = new Queue<string>([startAt]);
        while (pending.TryDequeue(out var name))
        {
            foreach (var target in Transitions(states[name] as JsonObject))
            {
                if (states.ContainsKey(target) && reached.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        foreach (var (name, _) in states)
        {
            if (!reached.Contains(name))
            {
                yield return DefinitionDiagnostic.Error("MISSING_TRANSITION_TARGET", $"State \"{name}\" is not reachable.", $"{at}/States/{Pointer.Escape(name)}");
            }
        }
    }

    /// <summary>A state name used in two graphs of one machine (AWS's names are machine-wide: history and errors name states).</summary>
    public static IEnumerable<DefinitionDiagnostic> DuplicateNamesAcrossMachine(JsonObject root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (graph, at) in Graphs(root, string.Empty))
        {
            foreach (var (name, _, stateAt) in States(graph, at))
            {
                if (!seen.Add(name))
                {
                    yield return DefinitionDiagnostic.Error("DUPLICATE_STATE_NAME", $"Duplicate State name: {name}", stateAt);
                }
            }
        }
    }

    private static bool IsTerminal(JsonObject? state) =>
        state is not null && (JsonText.Kind(state["End"]) == JsonValueKind.True ||
                              (JsonText.TryGetString(state["Type"], out var type) && type is "Succeed" or "Fail"));

    private static IEnumerable<string> Transitions(JsonObject? state)
    {
        if (state is null)
        {
            yield break;
        }

        if (JsonText.TryGetString(state["Next"], out var next))
        {
            yield return next;
        }

        if (JsonText.TryGetString(state["Default"], out var fallback))
        {
            yield return fallback;
        }

        foreach (var list in new[] { "Choices", "Catch" })
        {
            if (state[list] is JsonArray items)
            {
                foreach (var item in items)
                {
                    if (item is JsonObject rule && JsonText.TryGetString(rule["Next"], out var target))
                    {
                        yield return target;
                    }
                }
            }
        }
    }
}
