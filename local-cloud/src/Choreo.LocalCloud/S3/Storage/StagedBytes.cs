using System.Security.Cryptography;

namespace Choreo.LocalCloud.S3.Storage;

/// <summary>Staged content held in memory, for <see cref="InMemoryObjectStore"/>.</summary>
internal sealed class StagedBytes(byte[] data) : StagedContent
{
    public byte[] Data { get; } = data;

    public override long Size => Data.Length;

    public override string Md5Hex { get; } = Convert.ToHexStringLower(MD5.HashData(data));

    public override Stream OpenRead() => new MemoryStream(Data, writable: false);

    protected override void Dispose(bool disposing)
    {
    }
}
