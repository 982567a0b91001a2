namespace Choreo.Worker.Functions.Errors;

/// <summary>A step failed for a reason a person can act on; becomes a <c>failed</c> event with this code and cause.</summary>
public sealed class WorkerFailure(string code, string cause, Exception? inner = null) : Exception($"{code}: {cause}", inner)
{
    public string Code { get; } = code;
    public string Cause { get; } = cause;
}
