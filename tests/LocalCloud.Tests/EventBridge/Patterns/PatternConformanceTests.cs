using Xunit.Abstractions;

namespace LocalCloud.Tests.EventBridge.Patterns;

public sealed class PatternConformanceTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> CaseIds() => PatternConformanceCorpus.Ids();

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Recorded_case_gives_the_outcome_AWS_gave(string id)
    {
        var failure = PatternConformanceCorpus.All[id].Run();
        Assert.True(failure is null, $"{id}: {failure}");
    }

    [Fact]
    public void Every_recorded_case_passes()
    {
        var failures = PatternConformanceCorpus.All.Values
            .Select(c => (c.Id, Failure: c.Run()))
            .Where(r => r.Failure is not null)
            .ToList();
        var total = PatternConformanceCorpus.All.Count;
        foreach (var (id, failure) in failures)
        {
            output.WriteLine($"FAILED {id}: {failure}");
        }
        output.WriteLine($"EventBridge pattern conformance: {total - failures.Count}/{total} passed");
        Assert.Empty(failures);
    }
}
