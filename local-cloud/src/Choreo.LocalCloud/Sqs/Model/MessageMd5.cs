using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Choreo.LocalCloud.Sqs.Model;

/// <summary>
/// The MD5 digests SQS returns and the AWS SDKs verify: of the body, and of the message attributes
/// (names sorted; each as length-prefixed name, data type, a transport byte and the length-prefixed value).
/// </summary>
public static class MessageMd5
{
    public static string OfBody(string body) => Hex(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    public static string? OfAttributes(IReadOnlyDictionary<string, MessageAttribute> attributes)
    {
        if (attributes.Count == 0)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        foreach (var (name, attribute) in attributes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(name));
            WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(attribute.DataType));
            if (attribute.DataType.StartsWith("Binary", StringComparison.Ordinal))
            {
                buffer.WriteByte(2);
                WriteLengthPrefixed(buffer, attribute.BinaryValue ?? []);
            }
            else
            {
                buffer.WriteByte(1);
                WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(attribute.StringValue ?? ""));
            }
        }
        return Hex(MD5.HashData(buffer.ToArray()));
    }

    private static void WriteLengthPrefixed(Stream stream, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
