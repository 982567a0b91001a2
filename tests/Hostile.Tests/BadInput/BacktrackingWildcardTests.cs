using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;

namespace Hostile.Tests.BadInput;

/// <summary>A bucket policy built to make a backtracking matcher explode is answered at once.</summary>
public sealed class BacktrackingWildcardTests(LocalCloudUnderAttack cloud) : IClassFixture<LocalCloudUnderAttack>
{
    private const string Owner = "222222222222";

    [Fact]
    public async Task Twenty_five_wildcards_against_a_200_character_key_answer_within_a_second()
    {
        using var s3 = AwsClients.S3(cloud.BaseUrl, Owner);
        using var stranger = AwsClients.S3(cloud.BaseUrl, "333333333333");
        const string bucket = "backtracking-bait";
        await s3.PutBucketAsync(bucket);
        // "a*a*a*...*b" against "aaaa...a": a backtracking regex tries every split before failing (26 s once).
        var resource = $"arn:aws:s3:::{bucket}/" + string.Concat(Enumerable.Repeat("a*", 25)) + "b";
        await s3.PutBucketPolicyAsync(bucket,
            $$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"333333333333"},"Action":"s3:GetObject","Resource":"{{resource}}"}]}""");
        var key = new string('a', 200);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" });

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => stranger.GetObjectAsync(bucket, key));
        watch.Stop();

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the policy check took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_wildcard_grant_still_matches_what_it_should()
    {
        using var s3 = AwsClients.S3(cloud.BaseUrl, Owner);
        using var stranger = AwsClients.S3(cloud.BaseUrl, "333333333333");
        const string bucket = "wildcard-grant";
        await s3.PutBucketAsync(bucket);
        await s3.PutBucketPolicyAsync(bucket,
            $$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"333333333333"},"Action":"s3:Get*","Resource":"arn:aws:s3:::{{bucket}}/reports/*/2026-??.json"}]}""");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "reports/eu/2026-11.json", ContentBody = "ok" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "reports/eu/2026-111.json", ContentBody = "no" });

        using var allowed = await stranger.GetObjectAsync(bucket, "reports/eu/2026-11.json");
        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => stranger.GetObjectAsync(bucket, "reports/eu/2026-111.json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, allowed.HttpStatusCode);
        Assert.Equal("AccessDenied", denied.ErrorCode);
    }
}
