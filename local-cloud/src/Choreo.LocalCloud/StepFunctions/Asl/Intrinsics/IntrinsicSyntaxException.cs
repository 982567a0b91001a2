namespace Choreo.LocalCloud.StepFunctions.Asl.Intrinsics;

/// <summary>An intrinsic function call that cannot be parsed (a definition error).</summary>
public sealed class IntrinsicSyntaxException(string expression, string reason)
    : Exception($"The value for the field must be a valid intrinsic function: '{expression}': {reason}");
