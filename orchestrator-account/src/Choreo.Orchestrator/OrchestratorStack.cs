using Amazon.CDK;
using Constructs;

namespace Choreo.Orchestrator;

/// <summary>The orchestrator account: both state machines, the bus, and the rules to and from the worker account.</summary>
public sealed class OrchestratorStack : Stack
{
    public OrchestratorStack(Construct scope, string id, OrchestratorStackProps props) : base(scope, id, props)
    {
    }
}
