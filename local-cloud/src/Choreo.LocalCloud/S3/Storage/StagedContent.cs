namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// Bytes received and kept aside (a temporary file, or memory) until a store commits them under a key or
/// they are disposed. Disposing staged content that was committed does nothing; otherwise it is deleted.
/// </summary>
public abstract class StagedContent : IDisposable
{
    public abstract long Size { get; }

    /// <summary>The MD5 of the bytes, lower-case hex: a single-part object's ETag.</summary>
    public abstract string Md5Hex { get; }

    /// <summary>Reads the staged bytes from the start; each call returns an independent stream.</summary>
    public abstract Stream OpenRead();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
