using Xunit.Abstractions;

namespace LocalCloud.Tests.StepFunctions;

public sealed class ConformanceTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() => ConformanceCorpus.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_runs_as_AWS_recorded_it(string relativePath)
    {
        if (ConformanceCorpus.KnownFailures().ContainsKey(relativePath))
        {
            return;
        }

        var difference = await ConformanceCaseRunner.RunAsync(relativePath);
        Assert.True(difference is null, $"{relativePath}: {difference}");
    }

    [Fact]
    public async Task Every_area_passes_except_the_listed_known_failures()
    {
        var known = ConformanceCorpus.KnownFailures();
        var unexpected = new List<string>();
        foreach (var area in ConformanceCorpus.Cases().Select(c => (string)c[0]).GroupBy(p => p.Split('/')[0]))
        {
            var passed = 0;
            var total = 0;
            foreach (var path in area)
            {
                total++;
                var difference = await ConformanceCaseRunner.RunAsync(path);
                if (difference is null)
                {
                    passed++;
                }
                else if (!known.ContainsKey(path))
                {
                    unexpected.Add($"{path}: {difference}");
                }
            }

            output.WriteLine($"Step Functions conformance {area.Key}: {passed}/{total} passed");
        }

        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }
}
