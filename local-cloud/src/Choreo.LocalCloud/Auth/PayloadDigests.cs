using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace Choreo.LocalCloud.Auth;

/// <summary>
/// Computes, in one pass over a body, the digests S3 checks and stores: SHA-256 for x-amz-content-sha256 and
/// the flexible checksums CRC32, CRC32C, CRC64NVME, SHA1 and SHA256 (base64 of the big-endian value, as S3
/// carries them in <c>x-amz-checksum-*</c>).
/// </summary>
public sealed class PayloadDigests : IDisposable
{
    public const string HeaderPrefix = "x-amz-checksum-";

    /// <summary>S3's names of the checksum algorithms, upper-case.</summary>
    public static readonly IReadOnlyList<string> Algorithms = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"];

    private readonly Dictionary<string, Action<ReadOnlySpan<byte>>> _appenders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<byte[]>> _finishers = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _owned = [];
    private readonly IncrementalHash? _contentSha256;

    /// <param name="algorithms">Checksum algorithms to compute (S3 names, any case).</param>
    /// <param name="contentSha256">Also compute the hex SHA-256 that x-amz-content-sha256 names.</param>
    public PayloadDigests(IEnumerable<string> algorithms, bool contentSha256)
    {
        foreach (var algorithm in algorithms.Select(a => a.ToUpperInvariant()).Distinct())
        {
            switch (algorithm)
            {
                case "CRC32":
                    AddCrc32(algorithm, new Crc32());
                    break;
                case "CRC32C":
                    AddCrc32(algorithm, new Crc32(Crc32ParameterSet.Crc32C));
                    break;
                case "CRC64NVME":
                    var crc64 = new Crc64(Crc64ParameterSet.Nvme);
                    _appenders[algorithm] = crc64.Append;
                    _finishers[algorithm] = () => BigEndian(crc64.GetCurrentHashAsUInt64());
                    break;
                case "SHA1":
                    AddHash(algorithm, HashAlgorithmName.SHA1);
                    break;
                case "SHA256":
                    AddHash(algorithm, HashAlgorithmName.SHA256);
                    break;
                default:
                    throw new ArgumentException($"'{algorithm}' is not a checksum algorithm S3 supports", nameof(algorithms));
            }
        }

        if (contentSha256)
        {
            _contentSha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
    }

    public static bool IsSupported(string algorithm) => Algorithms.Contains(algorithm.ToUpperInvariant());

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (var append in _appenders.Values)
        {
            append(data);
        }

        _contentSha256?.AppendData(data);
    }

    /// <summary>The checksum of everything appended, base64 as in <c>x-amz-checksum-*</c>.</summary>
    public string Base64(string algorithm) => Convert.ToBase64String(Raw(algorithm));

    /// <summary>The checksum's raw bytes (big-endian for the CRCs): what S3 hashes again for a composite checksum.</summary>
    public byte[] Raw(string algorithm) => _finishers[algorithm.ToUpperInvariant()]();

    public string ContentSha256Hex =>
        Convert.ToHexStringLower((_contentSha256 ?? throw new InvalidOperationException("the content SHA-256 was not requested")).GetCurrentHash());

    /// <summary>One checksum over bytes already in hand (composite checksums of part checksums).</summary>
    public static byte[] Compute(string algorithm, ReadOnlySpan<byte> data)
    {
        using var digests = new PayloadDigests([algorithm], contentSha256: false);
        digests.Append(data);
        return digests.Raw(algorithm);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _contentSha256?.Dispose();
    }

    private void AddCrc32(string algorithm, Crc32 crc)
    {
        _appenders[algorithm] = crc.Append;
        _finishers[algorithm] = () =>
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, crc.GetCurrentHashAsUInt32());
            return bytes;
        };
    }

    private void AddHash(string algorithm, HashAlgorithmName name)
    {
        var hash = IncrementalHash.CreateHash(name);
        _owned.Add(hash);
        _appenders[algorithm] = hash.AppendData;
        _finishers[algorithm] = hash.GetCurrentHash;
    }

    private static byte[] BigEndian(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }
}
