using Amazon.CDK;
using Choreo.Pipeline.Configuration;

namespace Choreo.Pipeline;

/// <summary>The pipeline's stack settings: it lives in the tooling account and deploys the configured stages.</summary>
public sealed class PipelineStackProps : StackProps
{
    public required ChoreoConfiguration Configuration { get; init; }
}
