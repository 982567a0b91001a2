using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Lambda.Runners.InProcess;
using Microsoft.Extensions.Logging;

namespace Choreo.LocalCloud.Composition;

/// <summary>Everything a whole local-cloud instance is built from.</summary>
public sealed record LocalCloudInstanceOptions
{
    public LocalCloudOptions Host { get; init; } = new();

    public LambdaExecutionMode LambdaMode { get; init; } = LambdaExecutionMode.Process;

    /// <summary>Required for <see cref="LambdaExecutionMode.InProcess"/>: how handler classes are created.</summary>
    public IInProcessFunctionFactory? InProcessFunctions { get; init; }

    /// <summary>Lambda's wait before the first retry of a failed asynchronous invocation (1 minute on AWS).</summary>
    public TimeSpan? LambdaFirstRetryDelay { get; init; }

    public int LambdaConcurrencyPerFunction { get; init; } = 10;

    public ILoggerFactory? LoggerFactory { get; init; }
}
