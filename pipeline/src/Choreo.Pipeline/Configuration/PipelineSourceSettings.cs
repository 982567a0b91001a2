namespace Choreo.Pipeline.Configuration;

/// <summary>
/// Where the pipeline pulls the repository from: a CodeStar (CodeConnections) connection and a
/// GitHub-style <c>owner/name</c> repository, or a CodeCommit repository name.
/// </summary>
public sealed record PipelineSourceSettings(string Branch, string? ConnectionArn = null, string? Repository = null, string? CodeCommitRepository = null)
{
    public bool UsesConnection => ConnectionArn is not null;
}
