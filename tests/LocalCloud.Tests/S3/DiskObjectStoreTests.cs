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
        IS3ObjectStore first = new DiskObjectStore(_stateDirectory, _clock);
        first.TryCreateBucket(new BucketRecord("reports", "222222222222", "us-east-1", _clock.UtcNow));
        first.PutObject("reports", "runs/42/0-cookies.json", Encoding.UTF8.GetBytes("{}"), "application/json", new Dictionary<string, string> { ["run"] = "42" });
        first.SetBucketPolicy("reports", """{"Statement":[]}""");

        IS3ObjectStore second = new DiskObjectStore(_stateDirectory, _clock);
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
        IS3ObjectStore store = new DiskObjectStore(_stateDirectory, _clock);
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
        IS3ObjectStore store = new DiskObjectStore(_stateDirectory, _clock);
        store.TryCreateBucket(new BucketRecord("full", "111111111111", "us-east-1", _clock.UtcNow));
        store.PutObject("full", "k", [1], "binary/octet-stream", new Dictionary<string, string>());

        Assert.False(store.TryDeleteBucket("full"));
        store.DeleteObject("full", "k");
        Assert.True(store.TryDeleteBucket("full"));
        Assert.Null(store.FindBucket("full"));
    }

    [Fact]
    public async Task A_write_that_fails_while_streaming_leaves_the_previous_object_whole_and_nothing_staged()
    {
        IS3ObjectStore store = new DiskObjectStore(_stateDirectory, _clock);
        store.TryCreateBucket(new BucketRecord("atomic", "111111111111", "us-east-1", _clock.UtcNow));
        store.PutObject("atomic", "k", Encoding.UTF8.GetBytes("old"), "text/plain", new Dictionary<string, string>());

        await Assert.ThrowsAsync<IOException>(() => store.PutObjectAsync("atomic", "k", new FailingStream(100_000), "text/plain", CancellationToken.None));

        var stored = store.GetObject("atomic", "k");
        Assert.Equal("old", Encoding.UTF8.GetString(stored!.Data));
        Assert.Equal(3, stored.Metadata.Size);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_stateDirectory, "s3", ".staging")));
    }

    [Fact]
    public void A_crash_before_the_record_is_renamed_leaves_the_old_object_and_its_leftovers_are_removed_at_start()
    {
        IS3ObjectStore store = new DiskObjectStore(_stateDirectory, _clock);
        store.TryCreateBucket(new BucketRecord("crash", "111111111111", "us-east-1", _clock.UtcNow));
        store.PutObject("crash", "k", Encoding.UTF8.GetBytes("committed"), "text/plain", new Dictionary<string, string>());
        var objects = Path.Combine(_stateDirectory, "s3", "111111111111", "us-east-1", "crash", "objects");

        // What a crash between moving new bytes into place and renaming the record leaves: an unnamed data file and a temporary record.
        var hashed = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(objects, "*.json").Single());
        File.WriteAllText(Path.Combine(objects, $"{hashed}.{Guid.NewGuid():N}.data"), "uncommitted new bytes");
        File.WriteAllText(Path.Combine(objects, $"{hashed}.json.{Guid.NewGuid():N}.tmp"), "{\"metadata\":");

        IS3ObjectStore restarted = new DiskObjectStore(_stateDirectory, _clock);

        Assert.Equal("committed", Encoding.UTF8.GetString(restarted.GetObject("crash", "k")!.Data));
        Assert.Equal(2, Directory.EnumerateFiles(objects).Count());
    }

    [Fact]
    public async Task A_reader_keeps_the_bytes_it_opened_while_the_key_is_overwritten()
    {
        IS3ObjectStore store = new DiskObjectStore(_stateDirectory, _clock);
        store.TryCreateBucket(new BucketRecord("readers", "111111111111", "us-east-1", _clock.UtcNow));
        store.PutObject("readers", "k", Encoding.UTF8.GetBytes("first"), "text/plain", new Dictionary<string, string>());

        using var opened = store.OpenObject("readers", "k")!;
        await store.PutObjectAsync("readers", "k", new MemoryStream(Encoding.UTF8.GetBytes("second, longer")), "text/plain", CancellationToken.None);

        Assert.Equal("first", await new StreamReader(opened.Data).ReadToEndAsync());
        Assert.Equal(5, opened.Metadata.Size);
        Assert.Equal("second, longer", Encoding.UTF8.GetString(store.GetObject("readers", "k")!.Data));
    }

    /// <summary>Yields zero bytes up to a point, then fails as a dropped connection would.</summary>
    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfter)
            {
                throw new IOException("the connection was reset");
            }

            var n = Math.Min(count, failAfter - _read);
            Array.Clear(buffer, offset, n);
            _read += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
