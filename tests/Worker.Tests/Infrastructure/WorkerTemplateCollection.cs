namespace Worker.Tests.Infrastructure;

/// <summary>
/// Every test class that drives the CDK: they share one synthesis, and run one at a time because the jsii
/// kernel under the CDK is not thread-safe (parallel first loads fail with TAR_BAD_ARCHIVE).
/// </summary>
[CollectionDefinition(Name)]
public sealed class WorkerTemplateCollection : ICollectionFixture<WorkerTemplateFixture>
{
    public const string Name = "Worker template";
}
