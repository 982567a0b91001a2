using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.Paths;

/// <summary>What paths read: the state's effective input (<c>$</c>) and the context object (<c>$$</c>).</summary>
public readonly record struct PathScope(JsonNode? Input, ContextObject Context)
{
    public JsonNode? RootFor(JsonPath path) => path.IsContext ? Context.RootFor(path) : Input;
}
