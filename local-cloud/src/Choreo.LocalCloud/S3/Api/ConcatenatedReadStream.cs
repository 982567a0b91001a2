using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>Reads staged parts one after another, opening each only when the previous one is exhausted.</summary>
internal sealed class ConcatenatedReadStream(IEnumerable<StagedContent> parts) : ForwardReadStream
{
    private readonly IEnumerator<StagedContent> _parts = parts.GetEnumerator();
    private Stream? _current;
    private bool _finished;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!_finished)
        {
            if (_current is null)
            {
                if (!_parts.MoveNext())
                {
                    _finished = true;
                    break;
                }

                _current = _parts.Current.OpenRead();
            }

            var read = await _current.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await _current.DisposeAsync();
            _current = null;
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
            _parts.Dispose();
        }

        base.Dispose(disposing);
    }
}
