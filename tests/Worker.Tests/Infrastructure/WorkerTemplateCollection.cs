namespace Worker.Tests.Infrastructure;

/// <summary>The test classes that read the synthesized worker templates.</summary>
[CollectionDefinition(Name)]
public sealed class WorkerTemplateCollection : ICollectionFixture<WorkerTemplateFixture>
{
    public const string Name = "Worker template";
}
