namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>JSON pointers (RFC 6901) as AWS writes diagnostic locations.</summary>
public static class Pointer
{
    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
