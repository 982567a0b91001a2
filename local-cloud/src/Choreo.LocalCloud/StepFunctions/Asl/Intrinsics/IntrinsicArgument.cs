using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;

namespace Choreo.LocalCloud.StepFunctions.Asl.Intrinsics;

/// <summary>An argument of an intrinsic call: a literal, a path, or a nested call.</summary>
public abstract record IntrinsicArgument
{
    /// <summary>A literal; for strings, <paramref name="Raw"/> keeps the <c>\{</c> <c>\}</c> escapes States.Format reads.</summary>
    public sealed record Literal(JsonNode? Value, string? Raw = null) : IntrinsicArgument;

    public sealed record Path(JsonPath Value) : IntrinsicArgument;

    public sealed record Call(IntrinsicCall Value) : IntrinsicArgument;
}
