using System.Text;
using Choreo.LocalCloud.S3.Storage;

namespace LocalCloud.Tests.S3;

public sealed class DiskObjectStoreTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("choreo-s3-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_stateDirectory, recursive: true);

    [Fact]
    public void Objects_and_policies_survive_a_restart()
    {
        IObjectStore first = new DiskObjectStore(_stateDirectory, _clock);
        first.TryCreateBucket(new BucketRecord("reports", "222222222222", "us-east-1", _clock.UtcNow));
        first.PutObject("reports", "runs/42/0-cookies.json", Encoding.UTF8.GetBytes("{}"), "application/json", new Dictionary<string, string> { ["run"] = "42" });
        first.SetBucketPolicy("reports", """{"Statement":[]}""");

        IObjectStore second = new DiskObjectStore(_stateDirectory, _clock);
        var stored = second.GetObject("reports", "runs/42/0-cookies.json");

        Assert.NotNull(stored);
        Assert.Equal("{}", Encoding.UTF8.GetString(stored.Data));
        Assert.Equal("application/json", stored.Metadata.ContentType);
        Assert.Equal("42", stored.Metadata.UserMetadata["run"]);
        Assert.Equal("""{"Statement":[]}""", second.FindBucket("reports")!.Policy);
        Assert.True(Directory.Exists(Path.Combine(_stateDirectory, "s3", "222222222222", "us-east-1", "reports")));
    }

    [Fact]
    public void Listing_is_ordered_by_key_and_filtered_by_prefix()
    {
        IObjectStore store = new DiskObjectStore(_stateDirectory, _clock);
        store.TryCreateBucket(new BucketRecord("listing", "111111111111", "us-east-1", _clock.UtcNow));
        foreach (var key in new[] { "b", "a/2", "a/1", "c" })
        {
            store.PutObject("listing", key, [], "binary/octet-stream", new Dictionary<string, string>());
        }

        Assert.Equal(["a/1", "a/2"], store.ListObjects("listing", "a/").Select(o => o.Key));
        Assert.Equal(["a/1", "a/2", "b", "c"], store.ListObjects("listing", "").Select(o => o.Key));
    }

    [Fact]
    public void A_bucket_with_objects_cannot_be_deleted()
    {
        IObjectStore store = new DiskObjectStore(_stateDirectory, _clock);
        store.TryCreateBucket(new BucketRecord("full", "111111111111", "us-east-1", _clock.UtcNow));
        store.PutObject("full", "k", [1], "binary/octet-stream", new Dictionary<string, string>());

        Assert.False(store.TryDeleteBucket("full"));
        store.DeleteObject("full", "k");
        Assert.True(store.TryDeleteBucket("full"));
        Assert.Null(store.FindBucket("full"));
    }
}
