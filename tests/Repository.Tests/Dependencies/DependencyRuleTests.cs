namespace Repository.Tests.Dependencies;

public sealed class DependencyRuleTests
{
    [Fact]
    public void Every_project_reference_is_allowed_by_the_may_depend_on_line_of_its_folder_README()
    {
        var problems = DependencyCheck.Problems(RepositoryRoot.Path).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_reference_the_README_does_not_allow_fails_naming_both_projects()
    {
        using var tree = new TemporaryRepository();
        tree.Write("shared-contracts/README.md", "May depend on: nothing.");
        tree.Project("shared-contracts/src/Contracts/Contracts.csproj");
        tree.Write("orchestrator-account/README.md", "May depend on: `shared-contracts` only.");
        tree.Project("orchestrator-account/src/Orchestrator/Orchestrator.csproj", "../../../shared-contracts/src/Contracts/Contracts.csproj");
        tree.Write("local-cloud/README.md", "Owner: platform. May depend on: `shared-contracts`.");
        tree.Project("local-cloud/src/Cloud/Cloud.csproj", "../../../orchestrator-account/src/Orchestrator/Orchestrator.csproj");

        var problem = Assert.Single(DependencyCheck.Problems(tree.Root));

        Assert.Equal(
            "local-cloud/src/Cloud/Cloud.csproj references orchestrator-account/src/Orchestrator/Orchestrator.csproj, which local-cloud/README.md does not allow (\"May depend on:\" `shared-contracts`).",
            problem);
    }

    [Fact]
    public void A_project_README_can_allow_one_more_project_than_its_folder()
    {
        using var tree = new TemporaryRepository();
        tree.Write("worker-account/README.md", "May depend on: nothing outside this folder.");
        tree.Project("worker-account/src/Functions/Functions.csproj");
        tree.Write("local-cloud/README.md", "- May depend on: nothing outside this folder.");
        tree.Project("local-cloud/src/Cloud/Cloud.csproj");
        tree.Write("local-cloud/src/Cli/README.md", "May depend on: `Cloud`, `Functions` (runs the handlers in-process).");
        tree.Project("local-cloud/src/Cli/Cli.csproj", "../Cloud/Cloud.csproj", "../../../worker-account/src/Functions/Functions.csproj");

        Assert.Empty(DependencyCheck.Problems(tree.Root));
    }

    [Fact]
    public void A_project_with_no_rule_above_it_and_a_rule_naming_nothing_real_both_fail()
    {
        using var tree = new TemporaryRepository();
        tree.Project("pipeline/src/App/App.csproj");
        tree.Write("reports/README.md", "May depend on: `shared-contract`.");
        tree.Project("reports/src/Reports/Reports.csproj");

        var problems = DependencyCheck.Problems(tree.Root).ToList();

        Assert.Contains("pipeline/src/App/App.csproj: no README between it and the repository root has a \"May depend on:\" line.", problems);
        Assert.Contains("reports/README.md: \"May depend on:\" names `shared-contract`, which is neither a top-level folder nor a project.", problems);
    }
}
