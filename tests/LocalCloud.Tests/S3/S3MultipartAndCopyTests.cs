using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.S3;

/// <summary>Multipart upload, UploadPartCopy and CopyObject within and across accounts, through AWSSDK.S3.</summary>
public sealed class S3MultipartAndCopyTests : IAsyncLifetime
{
    private const int FiveMiB = 5 * 1024 * 1024;
    private readonly LocalCloudInstance _cloud = new(new LocalCloudInstanceOptions { Host = new LocalCloudOptions { Port = 0 } });
    private AmazonS3Client _source = null!;
    private AmazonS3Client _target = null!;

    public async Task InitializeAsync()
    {
        await _cloud.StartAsync();
        _source = S3Clients.For(_cloud.Host, "222222222222");
        _target = S3Clients.For(_cloud.Host, "333333333333");
        await _source.PutBucketAsync("source-bucket");
        await _target.PutBucketAsync("target-bucket");
    }

    public async Task DisposeAsync()
    {
        _source.Dispose();
        _target.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task A_multipart_upload_completes_with_the_dash_N_etag_and_the_concatenated_bytes()
    {
        var first = Bytes(FiveMiB, 1);
        var second = Bytes(1000, 2);
        var create = await _source.InitiateMultipartUploadAsync("source-bucket", "mp.bin");
        var part1 = await _source.UploadPartAsync(new UploadPartRequest { BucketName = "source-bucket", Key = "mp.bin", UploadId = create.UploadId, PartNumber = 1, InputStream = new MemoryStream(first) });
        var part2 = await _source.UploadPartAsync(new UploadPartRequest { BucketName = "source-bucket", Key = "mp.bin", UploadId = create.UploadId, PartNumber = 2, InputStream = new MemoryStream(second) });

        var parts = await _source.ListPartsAsync(new ListPartsRequest { BucketName = "source-bucket", Key = "mp.bin", UploadId = create.UploadId });
        Assert.Equal([1, 2], parts.Parts.Select(p => p.PartNumber ?? 0));
        var uploads = await _source.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "source-bucket" });
        Assert.Equal(create.UploadId, Assert.Single(uploads.MultipartUploads).UploadId);

        var complete = await _source.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "source-bucket", Key = "mp.bin", UploadId = create.UploadId,
            PartETags = [new PartETag(1, part1.ETag), new PartETag(2, part2.ETag)],
        });

        var expectedETag = Convert.ToHexStringLower(MD5.HashData([.. MD5.HashData(first), .. MD5.HashData(second)])) + "-2";
        Assert.Equal($"\"{expectedETag}\"", complete.ETag);
        using var get = await _source.GetObjectAsync("source-bucket", "mp.bin");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Equal([.. first, .. second], copy.ToArray());
        Assert.Empty((await _source.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "source-bucket" })).MultipartUploads ?? []);
    }

    [Fact]
    public async Task A_part_smaller_than_5_MiB_that_is_not_last_is_refused_with_EntityTooSmall()
    {
        var create = await _source.InitiateMultipartUploadAsync("source-bucket", "small.bin");
        var part1 = await _source.UploadPartAsync(new UploadPartRequest { BucketName = "source-bucket", Key = "small.bin", UploadId = create.UploadId, PartNumber = 1, InputStream = new MemoryStream(Bytes(10, 1)) });
        var part2 = await _source.UploadPartAsync(new UploadPartRequest { BucketName = "source-bucket", Key = "small.bin", UploadId = create.UploadId, PartNumber = 2, InputStream = new MemoryStream(Bytes(10, 2)) });

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => _source.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "source-bucket", Key = "small.bin", UploadId = create.UploadId, PartETags = [new PartETag(1, part1.ETag), new PartETag(2, part2.ETag)],
        }));
        Assert.Equal("EntityTooSmall", error.ErrorCode);

        var badNumber = await Assert.ThrowsAsync<AmazonS3Exception>(() => _source.UploadPartAsync(new UploadPartRequest
        {
            BucketName = "source-bucket", Key = "small.bin", UploadId = create.UploadId, PartNumber = 10001, InputStream = new MemoryStream(Bytes(1, 3)),
        }));
        Assert.Equal("InvalidArgument", badNumber.ErrorCode);

        await _source.AbortMultipartUploadAsync("source-bucket", "small.bin", create.UploadId);
        var gone = await Assert.ThrowsAsync<AmazonS3Exception>(() => _source.ListPartsAsync(new ListPartsRequest { BucketName = "source-bucket", Key = "small.bin", UploadId = create.UploadId }));
        Assert.Equal("NoSuchUpload", gone.ErrorCode);
    }

    [Fact]
    public async Task A_composite_CRC32_checksum_is_the_checksum_of_the_part_checksums()
    {
        var first = Bytes(FiveMiB, 3);
        var second = Bytes(77, 4);
        var create = await _source.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = "source-bucket", Key = "sum.bin", ChecksumAlgorithm = ChecksumAlgorithm.CRC32 });
        var part1 = await _source.UploadPartAsync(new UploadPartRequest { BucketName = "source-bucket", Key = "sum.bin", UploadId = create.UploadId, PartNumber = 1, InputStream = new MemoryStream(first), ChecksumAlgorithm = ChecksumAlgorithm.CRC32 });
        var part2 = await _source.UploadPartAsync(new UploadPartRequest { BucketName = "source-bucket", Key = "sum.bin", UploadId = create.UploadId, PartNumber = 2, InputStream = new MemoryStream(second), ChecksumAlgorithm = ChecksumAlgorithm.CRC32 });

        var complete = await _source.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "source-bucket", Key = "sum.bin", UploadId = create.UploadId,
            PartETags = [new PartETag { PartNumber = 1, ETag = part1.ETag, ChecksumCRC32 = part1.ChecksumCRC32 }, new PartETag { PartNumber = 2, ETag = part2.ETag, ChecksumCRC32 = part2.ChecksumCRC32 }],
        });

        var raw = Convert.FromBase64String(part1.ChecksumCRC32).Concat(Convert.FromBase64String(part2.ChecksumCRC32)).ToArray();
        var expected = Convert.ToBase64String(Choreo.LocalCloud.Auth.PayloadDigests.Compute("CRC32", raw)) + "-2";
        Assert.Equal(expected, complete.ChecksumCRC32);
    }

    [Fact]
    public async Task A_cross_account_copy_needs_the_source_buckets_policy_and_then_succeeds()
    {
        await _source.PutObjectAsync(new PutObjectRequest { BucketName = "source-bucket", Key = "export/1.json", ContentBody = "{\"n\":1}", ContentType = "application/json", Metadata = { ["run"] = "7" } });
        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => _target.CopyObjectAsync("source-bucket", "export/1.json", "target-bucket", "import/1.json"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        await _source.PutBucketPolicyAsync("source-bucket", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::333333333333:root"},
              "Action":["s3:GetObject"],"Resource":"arn:aws:s3:::source-bucket/export/*"}]}
            """);
        var copy = await _target.CopyObjectAsync("source-bucket", "export/1.json", "target-bucket", "import/1.json");

        using var get = await _target.GetObjectAsync("target-bucket", "import/1.json");
        Assert.Equal("{\"n\":1}", await new StreamReader(get.ResponseStream).ReadToEndAsync());
        Assert.Equal("application/json", get.Headers.ContentType);
        Assert.Equal("7", get.Metadata["run"]);
        Assert.Equal(copy.ETag, get.ETag);

        // The source account may read but not write the target bucket: its policy does not admit it.
        var intoTarget = await Assert.ThrowsAsync<AmazonS3Exception>(() => _source.CopyObjectAsync("source-bucket", "export/1.json", "target-bucket", "x.json"));
        Assert.Equal(HttpStatusCode.Forbidden, intoTarget.StatusCode);
    }

    [Fact]
    public async Task Copy_with_metadata_directive_replace_changes_metadata_and_copy_onto_itself_without_it_is_refused()
    {
        await _source.PutObjectAsync(new PutObjectRequest { BucketName = "source-bucket", Key = "m.txt", ContentBody = "m", Metadata = { ["a"] = "1" } });

        var toItself = await Assert.ThrowsAsync<AmazonS3Exception>(() => _source.CopyObjectAsync("source-bucket", "m.txt", "source-bucket", "m.txt"));
        Assert.Equal("InvalidRequest", toItself.ErrorCode);

        await _source.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = "source-bucket", SourceKey = "m.txt", DestinationBucket = "source-bucket", DestinationKey = "m.txt",
            MetadataDirective = S3MetadataDirective.REPLACE, Metadata = { ["b"] = "2" }, ContentType = "text/plain",
        });
        var head = await _source.GetObjectMetadataAsync("source-bucket", "m.txt");
        Assert.Equal("2", head.Metadata["b"]);
        Assert.DoesNotContain("x-amz-meta-a", head.Metadata.Keys);
        Assert.Equal("text/plain", head.Headers.ContentType);
    }

    [Fact]
    public async Task UploadPartCopy_copies_a_byte_range_of_another_object_into_a_part()
    {
        var source = Bytes(FiveMiB + 100, 5);
        await _source.PutObjectAsync(new PutObjectRequest { BucketName = "source-bucket", Key = "big.bin", InputStream = new MemoryStream(source) });
        var create = await _source.InitiateMultipartUploadAsync("source-bucket", "assembled.bin");
        var part1 = await _source.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = "source-bucket", SourceKey = "big.bin", DestinationBucket = "source-bucket", DestinationKey = "assembled.bin",
            UploadId = create.UploadId, PartNumber = 1, FirstByte = 0, LastByte = FiveMiB - 1,
        });
        var part2 = await _source.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = "source-bucket", SourceKey = "big.bin", DestinationBucket = "source-bucket", DestinationKey = "assembled.bin",
            UploadId = create.UploadId, PartNumber = 2, FirstByte = FiveMiB, LastByte = FiveMiB + 99,
        });
        await _source.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "source-bucket", Key = "assembled.bin", UploadId = create.UploadId, PartETags = [new PartETag(1, part1.ETag), new PartETag(2, part2.ETag)],
        });

        using var get = await _source.GetObjectAsync("source-bucket", "assembled.bin");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Equal(source, copy.ToArray());
    }

    private static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
