namespace LocalCloud.Tests.EventBridge.Patterns;

public sealed class PatternConformanceTests
{
    public static IEnumerable<object[]> CaseIds() => PatternConformanceCorpus.Ids();

    /// <summary>Each recorded case runs once.</summary>
    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Recorded_case_gives_the_outcome_AWS_gave(string id)
    {
        var failure = PatternConformanceCorpus.All[id].Run();
        Assert.True(failure is null, $"{id}: {failure}");
    }
}
