namespace SharedContracts.Tests.Ownership;

public sealed class CodeOwnersTests
{
    [Fact]
    public void Every_top_level_folder_and_test_project_has_an_owner_and_every_rule_a_real_path()
    {
        var owners = CodeOwnersFile.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "CODEOWNERS")));

        var problems = owners.Problems(RepositoryRoot.Path).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Shared_contracts_need_both_account_teams()
    {
        var owners = CodeOwnersFile.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "CODEOWNERS")));

        Assert.Equal(["@choreo/orchestration-team", "@choreo/worker-team"], owners.OwnersOf("shared-contracts").Order());
    }

    [Fact]
    public void An_unowned_top_level_folder_fails_naming_the_folder()
    {
        using var tree = new TemporaryTree("orchestrator-account", "reports", "tests/Reports.Tests");
        var owners = CodeOwnersFile.Parse("* @choreo/platform-team\n/orchestrator-account/ @choreo/orchestration-team\n");

        var problems = owners.Problems(tree.Root).ToList();

        Assert.Contains("'reports/' has no owner in CODEOWNERS: add a rule naming its team.", problems);
        Assert.Contains("'tests/Reports.Tests/' has no owner in CODEOWNERS: add a rule naming its team.", problems);
    }

    [Fact]
    public void A_rule_for_a_path_that_does_not_exist_fails_naming_the_line()
    {
        using var tree = new TemporaryTree("pipeline");
        var owners = CodeOwnersFile.Parse("/pipeline/ @choreo/platform-team\n/pipelines/ @choreo/platform-team\n");

        var problems = owners.Problems(tree.Root).ToList();

        Assert.Equal(["CODEOWNERS line 2: '/pipelines/' points at a path that does not exist."], problems);
    }

    private sealed class TemporaryTree : IDisposable
    {
        public TemporaryTree(params string[] folders)
        {
            Root = Directory.CreateTempSubdirectory("codeowners-").FullName;
            foreach (var folder in folders)
            {
                Directory.CreateDirectory(Path.Combine(Root, folder));
                if (folder.EndsWith(".Tests", StringComparison.Ordinal))
                {
                    File.WriteAllText(Path.Combine(Root, folder, Path.GetFileName(folder) + ".csproj"), "<Project />");
                }
            }
        }

        public string Root { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
