using Amazon.CDK;
using Constructs;

namespace Choreo.Worker.Infrastructure;

/// <summary>The worker account: the five functions, their rules, the bucket, and the return rule.</summary>
public sealed class WorkerStack : Stack
{
    public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
    {
    }
}
