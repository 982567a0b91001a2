using Choreo.LocalCloud.Composition;

namespace Choreo.Cli.Run;

/// <summary>The options of one <c>choreo run</c>.</summary>
public sealed record RunSettings(int? People, int? Seed, int MaxConcurrency, LambdaExecutionMode Lambda, TimeSpan Timeout)
{
    /// <summary>What is wrong with these options, one sentence each.</summary>
    public IEnumerable<string> Problems()
    {
        if (People is < 0 or > 10_000)
        {
            yield return $"--people {People} is out of range: use 0 to 10000.";
        }
        if (MaxConcurrency is < 1 or > 1000)
        {
            yield return $"--max-concurrency {MaxConcurrency} is out of range: use 1 to 1000.";
        }
        if (Timeout < TimeSpan.FromSeconds(1))
        {
            yield return "--timeout must be at least 1 second.";
        }
    }

    public string Describe() =>
        $"{(People is null ? "a random number of" : People.ToString())} people, seed {(Seed is null ? "random" : Seed.ToString())}, " +
        $"Map concurrency {MaxConcurrency}, Lambda {(Lambda == LambdaExecutionMode.Process ? "as the real bootstrap process" : "in-process")}";
}
