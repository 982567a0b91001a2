using Choreo.LocalCloud.Composition;

namespace Choreo.Cli.Run;

/// <summary>The options of one <c>choreo run</c>.</summary>
public sealed record RunSettings(int? People, int? Seed, int MaxConcurrency, LambdaExecutionMode Lambda, TimeSpan Timeout)
{
    public string Describe() =>
        $"{(People is null ? "a random number of" : People.ToString())} people, seed {(Seed is null ? "random" : Seed.ToString())}, " +
        $"Map concurrency {MaxConcurrency}, Lambda {(Lambda == LambdaExecutionMode.Process ? "as the real bootstrap process" : "in-process")}";
}
