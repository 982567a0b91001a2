namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// An object opened for reading: its metadata and a stream over exactly the bytes that metadata describes
/// (a later overwrite or delete does not change what this stream reads). Dispose it to release the file.
/// </summary>
public sealed class ObjectContent(ObjectMetadata metadata, Stream data) : IDisposable
{
    public ObjectMetadata Metadata { get; } = metadata;

    public Stream Data { get; } = data;

    public void Dispose() => Data.Dispose();
}
