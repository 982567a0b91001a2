namespace Choreo.LocalCloud.S3.Api;

/// <summary>Reads <c>length</c> bytes of a stream starting at <c>offset</c> (UploadPartCopy's source range).</summary>
internal sealed class RangeReadStream(Stream inner, long offset, long count) : Stream
{
    private readonly long _length = count;
    private long _remaining = count;
    private bool _positioned;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position { get => _length - _remaining; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_positioned)
        {
            if (inner.CanSeek)
            {
                inner.Seek(offset, SeekOrigin.Begin);
            }
            else
            {
                await ObjectOperations.CopyRangeAsync(inner, 0, offset, Null, cancellationToken);
            }

            _positioned = true;
        }

        if (_remaining == 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken);
        _remaining -= read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
