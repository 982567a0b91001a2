using Amazon.S3;
using Amazon.S3.Model;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.S3;

public sealed class S3ListingTests : IAsyncLifetime
{
    private S3Session _session = null!;

    public async Task InitializeAsync()
    {
        _session = await S3Session.StartAsync("listing");
        foreach (var key in new[] { "a/1.json", "a/2.json", "b/1.json", "b/sub/2.json", "c.json", "top.json" })
        {
            await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "listing", Key = key, ContentBody = key });
        }
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
    }

    [Fact]
    public async Task Prefix_limits_the_keys_listed()
    {
        var page = await _session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "listing", Prefix = "b/" });

        Assert.Equal(["b/1.json", "b/sub/2.json"], page.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Delimiter_rolls_keys_up_into_common_prefixes()
    {
        var page = await _session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "listing", Delimiter = "/" });

        Assert.Equal(["c.json", "top.json"], page.S3Objects.Select(o => o.Key));
        Assert.Equal(["a/", "b/"], page.CommonPrefixes);
        Assert.Equal(4, page.KeyCount);
    }

    [Fact]
    public async Task Continuation_tokens_walk_every_key_once()
    {
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "listing", MaxKeys = 2, ContinuationToken = token });
            seen.AddRange(page.S3Objects.Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a/1.json", "a/2.json", "b/1.json", "b/sub/2.json", "c.json", "top.json"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Continuation_after_a_common_prefix_does_not_repeat_it()
    {
        var first = await _session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "listing", Delimiter = "/", MaxKeys = 1 });
        var second = await _session.S3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = "listing", Delimiter = "/", MaxKeys = 1, ContinuationToken = first.NextContinuationToken,
        });

        Assert.Equal(["a/"], first.CommonPrefixes);
        Assert.Equal(["b/"], second.CommonPrefixes);
        Assert.True(second.IsTruncated);
    }
}
