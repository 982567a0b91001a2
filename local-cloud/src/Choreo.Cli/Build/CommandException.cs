namespace Choreo.Cli.Build;

/// <summary>A failure the command explains in one line to the user (exit code 1, no stack trace).</summary>
public sealed class CommandException(string message) : Exception(message);
