using System.Security.Cryptography;

namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// Staged content in a temporary file of <see cref="DiskObjectStore"/>'s staging folder (same file system as
/// the objects, so committing is a rename). Deleted on dispose unless it was committed.
/// </summary>
internal sealed class StagedFile : StagedContent
{
    private const int CopyBufferSize = 81920;

    private StagedFile(string path, long size, string md5Hex)
    {
        Path = path;
        Size = size;
        Md5Hex = md5Hex;
    }

    public string Path { get; }

    public bool Committed { get; set; }

    public override long Size { get; }

    public override string Md5Hex { get; }

    public static async Task<StagedFile> WriteAsync(string directory, Stream content, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(directory, $"{Guid.NewGuid():N}.part");
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true))
            {
                var buffer = new byte[CopyBufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    md5.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }

                // The data must be durable before a metadata file can point at it.
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            return new StagedFile(path, size, Convert.ToHexStringLower(md5.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public override Stream OpenRead() =>
        new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize, useAsync: true);

    protected override void Dispose(bool disposing)
    {
        if (!Committed)
        {
            File.Delete(Path);
        }
    }
}
