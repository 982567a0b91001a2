using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Choreo.LocalCloud.Auth;

/// <summary>
/// Decodes an <c>aws-chunked</c> body (<c>hex-size[;chunk-signature=sig]\r\n data \r\n ... 0[;...]\r\n trailers \r\n</c>)
/// as it is read, holding one small buffer, never the body: each chunk's signature is verified (as a chain
/// seeded by the request signature) when the chunk ends, the trailer signature and the decoded length
/// (<c>x-amz-decoded-content-length</c>) at the end. A failure throws <see cref="AuthFailure"/> from the read
/// that detects it, so a reader that stages the bytes discards them. <see cref="Trailers"/> holds the
/// trailing headers (names lower-case) once the stream has been read to its end.
/// </summary>
public sealed class AwsChunkedReadStream : ForwardReadStream
{
    private const string ChunkSignatureKey = "chunk-signature=";
    private const string TrailerSignatureHeader = "x-amz-trailer-signature";
    private const int MaxLineLength = 4096;

    private readonly Stream _inner;
    private readonly VerifiedRequest _request;
    private readonly bool _signed;
    private readonly bool _signedTrailer;
    private readonly long _decodedLength;
    private readonly byte[] _buffer = new byte[16384];
    private readonly Dictionary<string, string> _trailers = new(StringComparer.Ordinal);
    private readonly IncrementalHash _chunkHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _start;
    private int _end;
    private string _previousSignature;
    private string? _chunkSignature;
    private long _remainingInChunk;
    private bool _inChunk;
    private bool _finished;
    private long _decoded;

    /// <param name="mode">The x-amz-content-sha256 value (one of the STREAMING-* modes).</param>
    /// <param name="decodedLength">x-amz-decoded-content-length: the body must decode to exactly this many bytes.</param>
    public AwsChunkedReadStream(Stream inner, VerifiedRequest request, string mode, long decodedLength)
    {
        _inner = inner;
        _request = request;
        _signed = mode is ContentSha256.StreamingSigned or ContentSha256.StreamingSignedTrailer;
        _signedTrailer = mode == ContentSha256.StreamingSignedTrailer;
        _decodedLength = decodedLength;
        _previousSignature = request.Signature;
    }

    public IReadOnlyDictionary<string, string> Trailers => _finished
        ? _trailers
        : throw new InvalidOperationException("the aws-chunked body has not been read to its end");

    public override long Position => _decoded;

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_finished || destination.Length == 0)
        {
            return 0;
        }

        if (_inChunk && _remainingInChunk == 0)
        {
            await ExpectCrLfAsync(cancellationToken);
            VerifyChunkSignature();
            _inChunk = false;
        }

        if (!_inChunk)
        {
            await StartChunkAsync(cancellationToken);
            if (_finished)
            {
                return 0;
            }
        }

        if (_end == _start && !await FillAsync(cancellationToken))
        {
            throw new AuthFailure(AuthFailureKind.IncompleteBody, "the aws-chunked body ends inside a chunk");
        }

        var count = (int)Math.Min(Math.Min(destination.Length, _remainingInChunk), _end - _start);
        var data = _buffer.AsSpan(_start, count);
        data.CopyTo(destination.Span);
        _chunkHash.AppendData(data);
        _start += count;
        _remainingInChunk -= count;
        _decoded += count;
        if (_decoded > _decodedLength)
        {
            throw DecodedLengthMismatch();
        }

        return count;
    }

    private async Task StartChunkAsync(CancellationToken cancellationToken)
    {
        var header = await ReadLineAsync(cancellationToken);
        var semicolon = header.IndexOf(';');
        var sizeText = semicolon < 0 ? header : header[..semicolon];
        if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw new AuthFailure(AuthFailureKind.IncompleteBody, $"the aws-chunked chunk header '{Truncated(header)}' has no valid hex size");
        }

        _chunkSignature = null;
        if (_signed)
        {
            var provided = semicolon < 0 ? null : header[(semicolon + 1)..];
            if (provided is null || !provided.StartsWith(ChunkSignatureKey, StringComparison.Ordinal))
            {
                throw new AuthFailure(AuthFailureKind.SignatureMismatch, "an aws-chunked chunk has no chunk-signature");
            }

            _chunkSignature = provided[ChunkSignatureKey.Length..];
        }

        if (size == 0)
        {
            VerifyChunkSignature();
            await ReadTrailersAsync(cancellationToken);
            if (_signedTrailer)
            {
                VerifyTrailerSignature();
            }

            _trailers.Remove(TrailerSignatureHeader);
            if (_decoded != _decodedLength)
            {
                throw DecodedLengthMismatch();
            }

            _finished = true;
            return;
        }

        if (_decoded + size > _decodedLength)
        {
            throw DecodedLengthMismatch();
        }

        _remainingInChunk = size;
        _inChunk = true;
    }

    private void VerifyChunkSignature()
    {
        var chunkSha256 = Convert.ToHexStringLower(_chunkHash.GetHashAndReset());
        if (!_signed)
        {
            return;
        }

        var stringToSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{_request.AmzDate}\n{_request.Scope}\n{_previousSignature}\n{SigV4Signature.EmptySha256}\n{chunkSha256}";
        var expected = SigV4Signature.Sign(_request.SigningKey, stringToSign);
        if (!SigV4Signature.SignaturesEqual(expected, _chunkSignature ?? string.Empty))
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch, $"the signature of the aws-chunked chunk ending at byte {_decoded} does not match");
        }

        _previousSignature = expected;
    }

    private void VerifyTrailerSignature()
    {
        if (!_trailers.TryGetValue(TrailerSignatureHeader, out var provided))
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch, "the aws-chunked body has no x-amz-trailer-signature");
        }

        var canonical = new StringBuilder();
        foreach (var (name, value) in _trailers.Where(t => t.Key != TrailerSignatureHeader).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            canonical.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        var stringToSign = $"AWS4-HMAC-SHA256-TRAILER\n{_request.AmzDate}\n{_request.Scope}\n{_previousSignature}\n{SigV4Signature.Sha256Hex(canonical.ToString())}";
        if (!SigV4Signature.SignaturesEqual(SigV4Signature.Sign(_request.SigningKey, stringToSign), provided))
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch, "the signature of the aws-chunked trailer does not match");
        }
    }

    /// <summary>Reads <c>name:value</c> lines after the final chunk up to an empty line or the end of the body.</summary>
    private async Task ReadTrailersAsync(CancellationToken cancellationToken)
    {
        while (_end > _start || await FillAsync(cancellationToken))
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new AuthFailure(AuthFailureKind.IncompleteBody, $"the aws-chunked trailer line '{Truncated(line)}' is not 'name:value'");
            }

            if (_trailers.Count >= 16)
            {
                throw new AuthFailure(AuthFailureKind.IncompleteBody, "the aws-chunked body has more trailers than S3 accepts");
            }

            _trailers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, end);
                _start += end + 2;
                return line;
            }

            if (_end - _start >= MaxLineLength)
            {
                throw new AuthFailure(AuthFailureKind.IncompleteBody, $"an aws-chunked header line is longer than {MaxLineLength} bytes");
            }

            if (!await FillAsync(cancellationToken))
            {
                throw new AuthFailure(AuthFailureKind.IncompleteBody, "the aws-chunked body ends without a line terminator");
            }
        }
    }

    private async Task ExpectCrLfAsync(CancellationToken cancellationToken)
    {
        while (_end - _start < 2)
        {
            if (!await FillAsync(cancellationToken))
            {
                break;
            }
        }

        if (_end - _start < 2 || _buffer[_start] != '\r' || _buffer[_start + 1] != '\n')
        {
            throw new AuthFailure(AuthFailureKind.IncompleteBody, "an aws-chunked chunk is not followed by CRLF");
        }

        _start += 2;
    }

    /// <summary>Moves unread bytes to the front and reads more; false at the end of the body.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await _inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read > 0;
    }

    private AuthFailure DecodedLengthMismatch() => new(AuthFailureKind.IncompleteBody,
        $"x-amz-decoded-content-length is {_decodedLength} but the aws-chunked body decodes to {(_decoded > _decodedLength ? "more" : _decoded.ToString(CultureInfo.InvariantCulture))} bytes");

    private static string Truncated(string text) => text.Length <= 80 ? text : text[..80] + "...";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunkHash.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
