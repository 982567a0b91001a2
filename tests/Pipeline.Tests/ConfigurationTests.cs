using Choreo.Pipeline.Configuration;

namespace Pipeline.Tests;

public sealed class ConfigurationTests
{
    private static readonly Dictionary<string, string> Full = new()
    {
        [ContextKeys.ToolingAccount] = "999999999999",
        [ContextKeys.DevOrchestratorAccount] = "100000000001",
        [ContextKeys.DevWorkerAccount] = "100000000002",
        [ContextKeys.ProdOrchestratorAccount] = "200000000001",
        [ContextKeys.ProdWorkerAccount] = "200000000002",
        [ContextKeys.SourceCodeCommitRepository] = "choreo",
    };

    [Fact]
    public void No_configuration_gives_the_local_fake_accounts()
    {
        var configuration = ChoreoConfiguration.Read(_ => null);

        Assert.True(configuration.IsLocalDefault);
        Assert.All(configuration.Stages, s => Assert.Equal(("111111111111", "222222222222"), (s.OrchestratorAccount, s.WorkerAccount)));
        Assert.Equal("us-east-1", configuration.Region);
        Assert.Equal(2, configuration.MapMaxConcurrency);
    }

    [Fact]
    public void The_map_concurrency_can_be_raised_for_local_runs()
    {
        var configuration = ChoreoConfiguration.Read(key => key == ContextKeys.MapMaxConcurrency ? "16" : null);

        Assert.Equal(16, configuration.MapMaxConcurrency);
    }

    [Fact]
    public void A_full_configuration_is_read_as_given()
    {
        var configuration = ChoreoConfiguration.Read(Lookup(Full));

        Assert.False(configuration.IsLocalDefault);
        Assert.Equal("200000000002", configuration.Prod.WorkerAccount);
        Assert.Equal("choreo", configuration.Source.CodeCommitRepository);
        Assert.Equal("main", configuration.Source.Branch);
    }

    [Fact]
    public void A_partial_configuration_names_every_missing_key()
    {
        var partial = new Dictionary<string, string>(Full);
        partial.Remove(ContextKeys.ProdWorkerAccount);
        partial.Remove(ContextKeys.ToolingAccount);

        var error = Assert.Throws<ChoreoConfigurationException>(() => ChoreoConfiguration.Read(Lookup(partial)));

        Assert.Contains("missing choreo:toolingAccount, choreo:prod:workerAccount", error.Message);
    }

    [Theory]
    [InlineData(ContextKeys.DevWorkerAccount, "12345", "choreo:dev:workerAccount: '12345' is not a 12-digit AWS account id.")]
    [InlineData(ContextKeys.Region, "Ireland", "choreo:region: 'Ireland' is not an AWS region name (like us-east-1).")]
    [InlineData(ContextKeys.MapMaxConcurrency, "0", "choreo:mapMaxConcurrency: '0' must be a whole number from 1 to 1000.")]
    [InlineData(ContextKeys.MapMaxConcurrency, "two", "choreo:mapMaxConcurrency: 'two' must be a whole number from 1 to 1000.")]
    [InlineData(ContextKeys.SourceConnectionArn, "arn:aws:s3:::bucket", "choreo:source:connectionArn and choreo:source:codeCommitRepository are both set: choose one source.")]
    public void An_invalid_value_is_refused_naming_the_key(string key, string value, string message)
    {
        var bad = new Dictionary<string, string>(Full) { [key] = value };

        var error = Assert.Throws<ChoreoConfigurationException>(() => ChoreoConfiguration.Read(Lookup(bad)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_connection_source_needs_a_repository()
    {
        var bad = new Dictionary<string, string>(Full) { [ContextKeys.SourceConnectionArn] = "arn:aws:codeconnections:us-east-1:999999999999:connection/x" };
        bad.Remove(ContextKeys.SourceCodeCommitRepository);

        var error = Assert.Throws<ChoreoConfigurationException>(() => ChoreoConfiguration.Read(Lookup(bad)));

        Assert.StartsWith("choreo:source:repository: must be 'owner/name'", error.Message);
    }

    [Fact]
    public void Configured_accounts_without_a_source_are_refused()
    {
        var bad = new Dictionary<string, string>(Full);
        bad.Remove(ContextKeys.SourceCodeCommitRepository);

        var error = Assert.Throws<ChoreoConfigurationException>(() => ChoreoConfiguration.Read(Lookup(bad)));

        Assert.StartsWith("No pipeline source", error.Message);
    }

    private static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> values) => key => values.GetValueOrDefault(key);
}
