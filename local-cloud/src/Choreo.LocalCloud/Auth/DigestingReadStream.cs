namespace Choreo.LocalCloud.Auth;

/// <summary>A read-only pass-through stream that feeds every byte read to <see cref="PayloadDigests"/>.</summary>
public sealed class DigestingReadStream(Stream inner, PayloadDigests digests) : ForwardReadStream
{
    public long BytesRead { get; private set; }

    public override long Position => BytesRead;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Digest(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Digest(buffer.Span[..read]);
        return read;
    }

    private void Digest(ReadOnlySpan<byte> read)
    {
        digests.Append(read);
        BytesRead += read.Length;
    }
}
