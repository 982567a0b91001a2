using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.S3.CloudFormation;
using Choreo.LocalCloud.S3.Storage;

namespace LocalCloud.Tests.S3;

public sealed class BucketProviderTests
{
    private readonly ManualClock _clock = new(TimeProvider.System.GetUtcNow());
    private readonly InMemoryObjectStore _store;

    public BucketProviderTests() => _store = new InMemoryObjectStore(_clock);

    private static ResourceRequest Request(string logicalId, JsonObject properties) =>
        new(new AccountContext("222222222222", "eu-west-1"), "WorkerStack", logicalId, properties, "/tmp", new Dictionary<string, JsonNode?>());

    [Fact]
    public async Task A_named_bucket_is_created_in_the_stack_account_with_its_attributes()
    {
        var created = await new BucketProvider(_store, _clock).CreateAsync(Request("Data", new JsonObject { ["BucketName"] = "choreo-data" }), default);

        Assert.Equal("choreo-data", created.PhysicalId);
        Assert.Equal("arn:aws:s3:::choreo-data", created.Attributes["Arn"]!.GetValue<string>());
        Assert.Equal("choreo-data.s3.eu-west-1.amazonaws.com", created.Attributes["RegionalDomainName"]!.GetValue<string>());
        Assert.Equal("222222222222", _store.FindBucket("choreo-data")!.OwnerAccountId);
    }

    [Fact]
    public async Task An_unnamed_bucket_gets_a_lowercase_stack_and_logical_id_name()
    {
        var created = await new BucketProvider(_store, _clock).CreateAsync(Request("DataBucketE3A1", []), default);

        Assert.Matches("^workerstack-databuckete3a1-[a-z0-9]{12}$", created.PhysicalId);
    }

    [Fact]
    public async Task A_bucket_policy_is_recorded_on_its_bucket()
    {
        await new BucketProvider(_store, _clock).CreateAsync(Request("Data", new JsonObject { ["BucketName"] = "choreo-data" }), default);
        var policy = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray() };

        await new BucketPolicyProvider(_store).CreateAsync(Request("Policy", new JsonObject { ["Bucket"] = "choreo-data", ["PolicyDocument"] = policy }), default);

        Assert.Equal("""{"Version":"2012-10-17","Statement":[]}""", _store.FindBucket("choreo-data")!.Policy);
    }
}
