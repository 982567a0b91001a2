namespace Pipeline.Tests;

/// <summary>
/// The test classes that read the synthesized app share one synthesis: the jsii runtime behind the CDK is not
/// thread-safe, so two fixtures synthesizing in parallel corrupt its protocol stream.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FourAccountPipelineCollection : ICollectionFixture<FourAccountPipeline>
{
    public const string Name = "Four-account pipeline synthesis";
}
