namespace EndToEnd.Tests;

/// <summary>All end-to-end tests share one build and synthesis (the CDK's jsii runtime is not thread-safe either).</summary>
[CollectionDefinition(Name)]
public sealed class BuiltChoreoCollection : ICollectionFixture<BuiltChoreo>
{
    public const string Name = "Built Choreo";
}
