namespace Pipeline.Tests;

/// <summary>cfn-lint over every template the app synthesizes: the pipeline stack and each stage's four stacks.</summary>
[Collection(FourAccountPipelineCollection.Name)]
public sealed class CfnLintTests(FourAccountPipeline app)
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Ignored = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "cfn-lint-ignored.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : ""));

    private IReadOnlyList<CfnLint.Finding> Findings() => CfnLintRun.For(app);

    [Fact]
    public void The_installed_cfn_lint_is_the_pinned_version()
    {
        Assert.Equal($"cfn-lint {CfnLint.PinnedVersion}", CfnLint.Version());
    }

    [Fact]
    public void Every_synthesized_template_is_linted()
    {
        Assert.Equal(9, app.TemplatePaths.Count);
    }

    [Fact]
    public void No_template_has_a_cfn_lint_error()
    {
        var errors = Findings().Where(f => f.Level == "Error").ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Every_cfn_lint_warning_is_fixed_or_listed_with_its_reason()
    {
        var unlisted = Findings().Where(f => f.Level != "Error" && !Ignored.Value.ContainsKey(f.RuleId)).ToList();

        Assert.True(unlisted.Count == 0, "fix these or list the rule in tests/Pipeline.Tests/cfn-lint-ignored.txt with its reason:" + Environment.NewLine + string.Join(Environment.NewLine, unlisted));
    }

    [Fact]
    public void The_ignore_list_holds_only_warnings_that_still_occur_each_with_a_reason()
    {
        var found = Findings().Select(f => f.RuleId).ToHashSet();

        Assert.All(Ignored.Value, rule =>
        {
            Assert.False(rule.Key.StartsWith('E'), $"{rule.Key} is an error rule; errors are never ignored");
            Assert.True(rule.Value.Length > 20, $"{rule.Key} has no reason");
            Assert.Contains(rule.Key, found);
        });
    }
}
