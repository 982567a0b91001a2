namespace Choreo.LocalCloud.Auth;

/// <summary>
/// Table-driven reflected CRC-32, for S3's <c>x-amz-checksum-crc32</c> (ISO-HDLC polynomial) and
/// <c>x-amz-checksum-crc32c</c> (Castagnoli). Written here because System.IO.Hashing is not in our feed.
/// </summary>
public sealed class Crc32
{
    private readonly uint[] _table = new uint[256];

    private Crc32(uint reflectedPolynomial)
    {
        for (uint i = 0; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ reflectedPolynomial : value >> 1;
            }

            _table[i] = value;
        }
    }

    public static Crc32 IsoHdlc { get; } = new(0xEDB88320u);

    public static Crc32 Castagnoli { get; } = new(0x82F63B78u);

    public uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = _table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The checksum as S3 carries it: the four bytes big-endian, base64-encoded.</summary>
    public string ComputeBase64(ReadOnlySpan<byte> data)
    {
        var crc = Compute(data);
        return Convert.ToBase64String([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }
}
