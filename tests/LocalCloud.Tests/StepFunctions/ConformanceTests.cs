namespace LocalCloud.Tests.StepFunctions;

public sealed class ConformanceTests
{
    public static IEnumerable<object[]> Cases() => ConformanceCorpus.Cases();

    /// <summary>Each recorded case runs once; a listed known failure is reported as skipped with its reason.</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Case_runs_as_AWS_recorded_it(string relativePath)
    {
        Skip.If(ConformanceCorpus.KnownFailures.TryGetValue(relativePath, out var reason), $"known failure: {reason}");

        var difference = await ConformanceCaseRunner.RunAsync(relativePath);
        Assert.True(difference is null, $"{relativePath}: {difference}");
    }

    [Fact]
    public void Every_known_failure_names_a_case_of_the_corpus()
    {
        var cases = ConformanceCorpus.Cases().Select(c => (string)c[0]).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(cases);
        Assert.All(ConformanceCorpus.KnownFailures.Keys, path => Assert.Contains(path, cases));
    }
}
