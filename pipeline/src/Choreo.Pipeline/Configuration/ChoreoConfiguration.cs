using System.Text.RegularExpressions;
using Choreo.Contracts.Accounts;

namespace Choreo.Pipeline.Configuration;

/// <summary>
/// The deployment topology: a tooling account that hosts the pipeline, a region, and the two accounts
/// of each stage. With no account configured at all, the local fake accounts are used so that a
/// newcomer's <c>cdk synth</c> works; a partial or invalid configuration is refused, naming the key.
/// </summary>
public sealed partial record ChoreoConfiguration(
    string ToolingAccount,
    string Region,
    StageAccounts Dev,
    StageAccounts Prod,
    PipelineSourceSettings Source,
    bool IsLocalDefault,
    int MapMaxConcurrency = ChoreoConfiguration.DefaultMapMaxConcurrency)
{
    public const int DefaultMapMaxConcurrency = 2;
    public const string LocalOrchestratorAccount = "111111111111";
    public const string LocalWorkerAccount = "222222222222";
    public const string LocalToolingAccount = "333333333333";
    public const string DefaultRegion = "us-east-1";

    public IReadOnlyList<StageAccounts> Stages => [Dev, Prod];

    public static ChoreoConfiguration Read(Func<string, string?> context)
    {
        string? Value(string key) => string.IsNullOrWhiteSpace(context(key)) ? null : context(key)!.Trim();

        var region = Value(ContextKeys.Region) ?? DefaultRegion;
        if (!RegionPattern().IsMatch(region))
        {
            throw new ChoreoConfigurationException($"{ContextKeys.Region}: '{region}' is not an AWS region name (like us-east-1).");
        }

        var mapMaxConcurrency = DefaultMapMaxConcurrency;
        if (Value(ContextKeys.MapMaxConcurrency) is { } concurrency &&
            (!int.TryParse(concurrency, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out mapMaxConcurrency) || mapMaxConcurrency is < 1 or > 1000))
        {
            throw new ChoreoConfigurationException($"{ContextKeys.MapMaxConcurrency}: '{concurrency}' must be a whole number from 1 to 1000.");
        }

        var given = ContextKeys.Accounts.Where(k => Value(k) is not null).ToList();
        if (given.Count == 0)
        {
            return LocalDefault(region, SourceOrDefault(Value, required: false)) with { MapMaxConcurrency = mapMaxConcurrency };
        }
        var missing = ContextKeys.Accounts.Except(given).ToList();
        if (missing.Count > 0)
        {
            throw new ChoreoConfigurationException(
                $"Incomplete account configuration: missing {string.Join(", ", missing)} (set all of {string.Join(", ", ContextKeys.Accounts)}, or none for the local fake accounts).");
        }
        foreach (var key in ContextKeys.Accounts)
        {
            if (!AwsAccountId.IsValid(Value(key)))
            {
                throw new ChoreoConfigurationException($"{key}: '{Value(key)}' is not a 12-digit AWS account id.");
            }
        }
        return new ChoreoConfiguration(
            Value(ContextKeys.ToolingAccount)!,
            region,
            new StageAccounts("Dev", Value(ContextKeys.DevOrchestratorAccount)!, Value(ContextKeys.DevWorkerAccount)!),
            new StageAccounts("Prod", Value(ContextKeys.ProdOrchestratorAccount)!, Value(ContextKeys.ProdWorkerAccount)!),
            SourceOrDefault(Value, required: true),
            IsLocalDefault: false,
            mapMaxConcurrency);
    }

    private static ChoreoConfiguration LocalDefault(string region, PipelineSourceSettings source) => new(
        LocalToolingAccount,
        region,
        new StageAccounts("Dev", LocalOrchestratorAccount, LocalWorkerAccount),
        new StageAccounts("Prod", LocalOrchestratorAccount, LocalWorkerAccount),
        source,
        IsLocalDefault: true);

    private static PipelineSourceSettings SourceOrDefault(Func<string, string?> value, bool required)
    {
        var branch = value(ContextKeys.SourceBranch) ?? "main";
        var connection = value(ContextKeys.SourceConnectionArn);
        var repository = value(ContextKeys.SourceRepository);
        var codeCommit = value(ContextKeys.SourceCodeCommitRepository);
        if (connection is not null && codeCommit is not null)
        {
            throw new ChoreoConfigurationException(
                $"{ContextKeys.SourceConnectionArn} and {ContextKeys.SourceCodeCommitRepository} are both set: choose one source.");
        }
        if (connection is not null)
        {
            if (!connection.StartsWith("arn:aws:codestar-connections:", StringComparison.Ordinal) &&
                !connection.StartsWith("arn:aws:codeconnections:", StringComparison.Ordinal))
            {
                throw new ChoreoConfigurationException($"{ContextKeys.SourceConnectionArn}: '{connection}' is not a CodeStar/CodeConnections connection ARN.");
            }
            if (repository is null || !RepositoryPattern().IsMatch(repository))
            {
                throw new ChoreoConfigurationException($"{ContextKeys.SourceRepository}: must be 'owner/name' when {ContextKeys.SourceConnectionArn} is set (got '{repository}').");
            }
            return new PipelineSourceSettings(branch, ConnectionArn: connection, Repository: repository);
        }
        if (codeCommit is not null)
        {
            return new PipelineSourceSettings(branch, CodeCommitRepository: codeCommit);
        }
        if (required)
        {
            throw new ChoreoConfigurationException(
                $"No pipeline source: set {ContextKeys.SourceConnectionArn} with {ContextKeys.SourceRepository}, or {ContextKeys.SourceCodeCommitRepository}.");
        }
        // A newcomer's synth needs some source; this placeholder is never deployable on purpose.
        return new PipelineSourceSettings(branch, CodeCommitRepository: "choreo");
    }

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepositoryPattern();
}
