using Choreo.LocalCloud.Auth;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>Reads <c>length</c> bytes of a stream starting at <c>offset</c> (UploadPartCopy's source range).</summary>
internal sealed class RangeReadStream(Stream inner, long offset, long count) : ForwardReadStream
{
    private readonly long _length = count;
    private long _remaining = count;
    private bool _positioned;

    public override long Length => _length;

    public override long Position => _length - _remaining;

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
}
