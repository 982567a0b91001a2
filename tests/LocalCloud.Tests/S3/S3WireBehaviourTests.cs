using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.S3;

/// <summary>Issue 20 through AWSSDK.S3 and raw sockets: checksums, conditional requests, stored headers, ranges, 100-continue.</summary>
public sealed class S3WireBehaviourTests : IAsyncLifetime
{
    private S3Session _session = null!;

    public async Task InitializeAsync()
    {
        _session = await S3Session.StartAsync("wire");
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
    }

    [Theory]
    [InlineData("CRC32")]
    [InlineData("CRC32C")]
    [InlineData("SHA1")]
    [InlineData("SHA256")]
    public async Task A_checksum_is_stored_echoed_and_returned_with_checksum_mode(string algorithm)
    {
        var put = await _session.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "wire", Key = "sum.txt", ContentBody = "hello checksum", ChecksumAlgorithm = ChecksumAlgorithm.FindValue(algorithm),
        });
        var expected = Expected(algorithm, "hello checksum");
        Assert.Equal(expected, ChecksumOf(put.ChecksumCRC32, put.ChecksumCRC32C, put.ChecksumSHA1, put.ChecksumSHA256, algorithm));

        using var get = await _session.S3.GetObjectAsync(new GetObjectRequest { BucketName = "wire", Key = "sum.txt", ChecksumMode = ChecksumMode.ENABLED });
        Assert.Equal(expected, ChecksumOf(get.ChecksumCRC32, get.ChecksumCRC32C, get.ChecksumSHA1, get.ChecksumSHA256, algorithm));
        var head = await _session.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = "wire", Key = "sum.txt", ChecksumMode = ChecksumMode.ENABLED });
        Assert.Equal(expected, ChecksumOf(head.ChecksumCRC32, head.ChecksumCRC32C, head.ChecksumSHA1, head.ChecksumSHA256, algorithm));

        var listing = await _session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "wire" });
        Assert.Equal(algorithm, Assert.Single(Assert.Single(listing.S3Objects).ChecksumAlgorithm));
    }

    [Fact]
    public async Task A_body_whose_checksum_does_not_match_is_refused_with_BadDigest_and_not_stored()
    {
        using var http = new HttpClient();
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "wire", Key = "bad.txt", ContentBody = "payload", ChecksumCRC32 = Expected("CRC32", "something else"),
        }));

        Assert.Equal("BadDigest", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.GetObjectMetadataAsync("wire", "bad.txt"))).StatusCode);
    }

    [Fact]
    public async Task Conditional_reads_answer_412_and_304_in_S3s_precedence()
    {
        var put = await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "wire", Key = "c.txt", ContentBody = "v1" });
        var later = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1);
        var earlier = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1);

        var ifMatchFails = await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.GetObjectAsync(new GetObjectRequest { BucketName = "wire", Key = "c.txt", EtagToMatch = "\"nope\"" }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, ifMatchFails.StatusCode);
        Assert.Equal("PreconditionFailed", ifMatchFails.ErrorCode);

        // If-Match holds, so the failing If-Unmodified-Since is ignored.
        using (var served = await _session.S3.GetObjectAsync(new GetObjectRequest { BucketName = "wire", Key = "c.txt", EtagToMatch = put.ETag, UnmodifiedSinceDate = earlier }))
        {
            Assert.Equal(HttpStatusCode.OK, served.HttpStatusCode);
        }

        var notModified = await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.GetObjectAsync(new GetObjectRequest { BucketName = "wire", Key = "c.txt", EtagToNotMatch = put.ETag }));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        var unmodified = await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = "wire", Key = "c.txt", ModifiedSinceDate = later }));
        Assert.Equal(HttpStatusCode.NotModified, unmodified.StatusCode);

        // If-None-Match does not match, so If-Modified-Since is ignored and the object is served.
        using var fresh = await _session.S3.GetObjectAsync(new GetObjectRequest { BucketName = "wire", Key = "c.txt", EtagToNotMatch = "\"other\"", ModifiedSinceDate = later });
        Assert.Equal(HttpStatusCode.OK, fresh.HttpStatusCode);
    }

    [Fact]
    public async Task Conditional_writes_answer_412_for_an_existing_key_and_404_for_if_match_on_a_missing_one()
    {
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "wire", Key = "once.txt", ContentBody = "first", IfNoneMatch = "*" });

        var exists = await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "wire", Key = "once.txt", ContentBody = "second", IfNoneMatch = "*" }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, exists.StatusCode);

        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "wire", Key = "absent.txt", ContentBody = "x", IfMatch = "\"abc\"" }));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("NoSuchKey", missing.ErrorCode);

        var wrongETag = await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "wire", Key = "once.txt", ContentBody = "x", IfMatch = "\"abc\"" }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, wrongETag.StatusCode);

        using var get = await _session.S3.GetObjectAsync("wire", "once.txt");
        Assert.Equal("first", await new StreamReader(get.ResponseStream).ReadToEndAsync());
    }

    [Fact]
    public async Task Stored_headers_and_tag_count_come_back_and_response_overrides_replace_them()
    {
        var request = new PutObjectRequest { BucketName = "wire", Key = "h.txt", ContentBody = "headers", ContentType = "text/plain", TagSet = [new Tag { Key = "team", Value = "platform" }, new Tag { Key = "env", Value = "dev" }] };
        request.Headers.CacheControl = "max-age=60";
        request.Headers.ContentDisposition = "attachment; filename=h.txt";
        request.Headers.ContentEncoding = "identity";
        request.Headers["Content-Language"] = "en";
        request.Headers.Expires = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await _session.S3.PutObjectAsync(request);

        using var get = await _session.S3.GetObjectAsync("wire", "h.txt");
        Assert.Equal("max-age=60", get.Headers.CacheControl);
        Assert.Equal("attachment; filename=h.txt", get.Headers.ContentDisposition);
        Assert.Equal("identity", get.Headers.ContentEncoding);
        Assert.Equal("en", get.Headers["Content-Language"]);
        Assert.Equal(2, get.TagCount);

        using var overridden = await _session.S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = "wire", Key = "h.txt",
            ResponseHeaderOverrides = new ResponseHeaderOverrides { ContentType = "application/json", CacheControl = "no-cache", ContentDisposition = "inline" },
        });
        Assert.Equal("application/json", overridden.Headers.ContentType);
        Assert.Equal("no-cache", overridden.Headers.CacheControl);
        Assert.Equal("inline", overridden.Headers.ContentDisposition);
    }

    [Fact]
    public async Task A_range_covering_the_whole_object_answers_206_with_content_range()
    {
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "wire", Key = "r.txt", ContentBody = "0123456789" });

        using var whole = await _session.S3.GetObjectAsync(new GetObjectRequest { BucketName = "wire", Key = "r.txt", ByteRange = new ByteRange(0, 9) });
        Assert.Equal(HttpStatusCode.PartialContent, whole.HttpStatusCode);
        Assert.Equal("bytes 0-9/10", whole.ContentRange);

        using var tail = await _session.S3.GetObjectAsync(new GetObjectRequest { BucketName = "wire", Key = "r.txt", ByteRange = new ByteRange("bytes=-3") });
        Assert.Equal("789", await new StreamReader(tail.ResponseStream).ReadToEndAsync());
        Assert.Equal("bytes 7-9/10", tail.ContentRange);
    }

    [Fact]
    public async Task Object_tagging_is_put_read_and_deleted()
    {
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "wire", Key = "t.txt", ContentBody = "t" });
        await _session.S3.PutObjectTaggingAsync(new PutObjectTaggingRequest { BucketName = "wire", Key = "t.txt", Tagging = new Tagging { TagSet = [new Tag { Key = "k", Value = "v" }] } });

        var tags = await _session.S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = "wire", Key = "t.txt" });
        Assert.Equal(("k", "v"), (Assert.Single(tags.Tagging).Key, tags.Tagging[0].Value));

        await _session.S3.DeleteObjectTaggingAsync(new DeleteObjectTaggingRequest { BucketName = "wire", Key = "t.txt" });
        Assert.Empty((await _session.S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = "wire", Key = "t.txt" })).Tagging ?? []);

        var tooMany = await Assert.ThrowsAsync<AmazonS3Exception>(() => _session.S3.PutObjectTaggingAsync(new PutObjectTaggingRequest
        {
            BucketName = "wire", Key = "t.txt", Tagging = new Tagging { TagSet = [.. Enumerable.Range(0, 11).Select(i => new Tag { Key = $"k{i}", Value = "v" })] },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task DeleteObjects_reports_each_key_and_quiet_mode_reports_only_errors()
    {
        foreach (var key in new[] { "d/1", "d/2", "d/3" })
        {
            await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "wire", Key = key, ContentBody = key });
        }

        var verbose = await _session.S3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "wire", Objects = [new KeyVersion { Key = "d/1" }, new KeyVersion { Key = "d/missing" }] });
        Assert.Equal(["d/1", "d/missing"], verbose.DeletedObjects.Select(d => d.Key).Order());

        var quiet = await _session.S3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "wire", Quiet = true, Objects = [new KeyVersion { Key = "d/2" }, new KeyVersion { Key = "d/3" }] });
        Assert.Empty(quiet.DeletedObjects ?? []);
        Assert.Empty((await _session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "wire", Prefix = "d/" })).S3Objects ?? []);
    }

    [Fact]
    public async Task A_signature_version_2_authorization_header_is_refused_naming_SigV4()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_session.Cloud.Host.BaseUrl, "wire/k"));
        request.Headers.TryAddWithoutValidation("Authorization", "AWS 111111111111:abc=");
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidRequest</Code>", body);
        Assert.Contains("Please use AWS4-HMAC-SHA256.", body);
    }

    [Fact]
    public async Task An_unsigned_huge_put_is_refused_from_its_headers_without_reading_the_body()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"PUT /wire/huge HTTP/1.1\r\nHost: {_session.Cloud.Host.BaseUrl.Authority}\r\nContent-Length: 6000000000\r\nExpect: 100-continue\r\n\r\n"));

        var answer = await ReadResponseHeadAsync(socket);
        Assert.StartsWith("HTTP/1.1 403", answer);
    }

    [Fact]
    public async Task A_signed_put_declaring_more_than_5_GB_is_refused_with_EntityTooLarge_before_its_body_is_sent()
    {
        using var socket = await ConnectAsync();
        var head = new StringBuilder($"PUT /wire/too-big HTTP/1.1\r\nHost: {_session.Cloud.Host.BaseUrl.Authority}\r\nContent-Length: 5368709121\r\nExpect: 100-continue\r\n");
        foreach (var (name, value) in SignedPut("too-big", string.Empty, ContentSha256Unsigned))
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await socket.SendAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        var answer = await ReadResponseAsync(socket);

        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("<Code>EntityTooLarge</Code>", answer);
        Assert.Contains("<MaxSizeAllowed>5368709120</MaxSizeAllowed>", answer);
    }

    [Fact]
    public async Task Expect_100_continue_on_an_empty_put_is_answered_so_the_next_put_never_stalls()
    {
        var socket = await ConnectAsync();
        var host = _session.Cloud.Host.BaseUrl.Authority;
        foreach (var (key, body) in new[] { ("empty", string.Empty), ("full", "payload") })
        {
            var signed = SignedPut(key, body);
            var head = new StringBuilder($"PUT /wire/{key} HTTP/1.1\r\nHost: {host}\r\nExpect: 100-continue\r\nContent-Length: {body.Length}\r\n");
            foreach (var (name, value) in signed)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            await socket.SendAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
            var first = await ReadResponseHeadAsync(socket);
            if (first.StartsWith("HTTP/1.1 100", StringComparison.Ordinal))
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(body));
                first = await ReadResponseHeadAsync(socket);
            }
            else if (body.Length > 0)
            {
                Assert.Fail($"a PUT with a body got a final answer before 100 Continue: {first}");
            }

            Assert.StartsWith("HTTP/1.1 200", first);

            // A final answer without 100 Continue must close the connection, or a client like botocore misreads the next response.
            if (!first.Contains("100 Continue") && first.Contains("Connection: close", StringComparison.OrdinalIgnoreCase))
            {
                socket.Dispose();
                socket = await ConnectAsync();
            }
            else
            {
                Assert.True(body.Length > 0, $"the empty PUT was answered without 100 Continue and the connection kept open:\n{first}");
            }
        }

        socket.Dispose();
        using var get = await _session.S3.GetObjectAsync("wire", "full");
        Assert.Equal("payload", await new StreamReader(get.ResponseStream).ReadToEndAsync());
    }

    private const string ContentSha256Unsigned = "UNSIGNED-PAYLOAD";

    private IEnumerable<(string Name, string Value)> SignedPut(string key, string body, string? payloadHashOverride = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, new Uri(_session.Cloud.Host.BaseUrl, $"wire/{key}")) { Content = new StringContent(body) };
        message.Content.Headers.ContentType = null;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var payloadHash = payloadHashOverride ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var host = _session.Cloud.Host.BaseUrl.Authority;
        var canonical = $"PUT\n/wire/{key}\n\nhost:{host}\nx-amz-content-sha256:{payloadHash}\nx-amz-date:{amzDate}\n\nhost;x-amz-content-sha256;x-amz-date\n{payloadHash}";
        var scope = $"{amzDate[..8]}/us-east-1/s3/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signingKey = Choreo.LocalCloud.Auth.SigV4Signature.DeriveSigningKey("test", amzDate[..8], "us-east-1", "s3");
        var signature = Choreo.LocalCloud.Auth.SigV4Signature.Sign(signingKey, stringToSign);
        return
        [
            ("x-amz-date", amzDate),
            ("x-amz-content-sha256", payloadHash),
            ("Authorization", $"AWS4-HMAC-SHA256 Credential=111111111111/{scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={signature}"),
        ];
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10000 };
        await socket.ConnectAsync(IPAddress.Loopback, _session.Cloud.Host.BaseUrl.Port);
        return socket;
    }

    /// <summary>Reads one response: status line, headers and (by Content-Length) its body; returns the status line and headers.</summary>
    private static async Task<string> ReadResponseHeadAsync(Socket socket) => (await ReadWholeResponseAsync(socket)).Head;

    /// <summary>Reads an error response (its body may be chunked) up to the end of its XML document.</summary>
    private static async Task<string> ReadResponseAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while (!received.ToString().Contains("</Error>") && (read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
        {
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    private static async Task<(string Head, string Body)> ReadWholeResponseAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<byte>();
        var buffer = new byte[1];
        while (!EndsWithBlankLine(received))
        {
            if (await socket.ReceiveAsync(buffer, timeout.Token) == 0)
            {
                break;
            }

            received.Add(buffer[0]);
        }

        var head = Encoding.ASCII.GetString([.. received]);
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var remaining = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var body = new List<byte>();
        while (remaining-- > 0 && await socket.ReceiveAsync(buffer, timeout.Token) > 0)
        {
            body.Add(buffer[0]);
        }

        return (head, Encoding.UTF8.GetString([.. body]));
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    private static string Expected(string algorithm, string text)
    {
        using var digests = new Choreo.LocalCloud.Auth.PayloadDigests([algorithm], contentSha256: false);
        digests.Append(Encoding.UTF8.GetBytes(text));
        return digests.Base64(algorithm);
    }

    private static string? ChecksumOf(string? crc32, string? crc32c, string? sha1, string? sha256, string algorithm) => algorithm switch
    {
        "CRC32" => crc32,
        "CRC32C" => crc32c,
        "SHA1" => sha1,
        _ => sha256,
    };
}
