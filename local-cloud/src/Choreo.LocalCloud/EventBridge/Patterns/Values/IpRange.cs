using System.Globalization;

namespace Choreo.LocalCloud.EventBridge.Patterns.Values;

/// <summary>An inclusive range of IP addresses of one family (4 or 16 bytes), compared byte by byte.</summary>
internal sealed class IpRange
{
    private static readonly byte[] TrailingOnes = [0x00, 0x01, 0x03, 0x07, 0x0f, 0x1f, 0x3f, 0x7f];

    private readonly byte[] _low;
    private readonly byte[] _high;

    private IpRange(byte[] low, byte[] high)
    {
        _low = low;
        _high = high;
    }

    public static IpRange Single(byte[] address) => new(address, address);

    /// <summary>
    /// Parses a CIDR block. Like EventBridge, the range starts at the address as written (host bits are not
    /// cleared) and ends with all host bits set; a mask of 32 (IPv4) or 128 (IPv6) is rejected.
    /// </summary>
    public static IpRange ParseCidr(string cidr)
    {
        var slashed = cidr.Split('/');
        var count = slashed.Length;
        while (count > 0 && slashed[count - 1].Length == 0)
        {
            count--; // a trailing empty piece is dropped, as a Java split does
        }
        if (count != 2)
        {
            throw new InvalidEventPatternException("Malformed CIDR, one '/' required");
        }
        if (!int.TryParse(slashed[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var maskBits))
        {
            throw new InvalidEventPatternException("Malformed CIDR, mask bits must be an integer");
        }
        if (maskBits < 0)
        {
            throw new InvalidEventPatternException("Malformed CIDR, mask bits must not be negative");
        }
        var ip = slashed[0];
        var address = IpAddressLiteral.TryParse(ip) ?? throw new InvalidEventPatternException(
            IpAddressLiteral.LooksLikeAddress(ip) ? $"Invalid IP address: {ip}" : $"Nonstandard IP address: {ip}");
        if (address.Length == 4 && maskBits > 31)
        {
            throw new InvalidEventPatternException("IPv4 mask bits must be < 32");
        }
        if (address.Length == 16 && maskBits > 127)
        {
            throw new InvalidEventPatternException("IPv6 mask bits must be < 128");
        }
        var hostBits = address.Length * 8 - maskBits;
        var high = new byte[address.Length];
        for (var i = address.Length - 1; i >= 0; i--)
        {
            high[i] = hostBits >= 8 ? (byte)0xff
                : hostBits <= 0 ? address[i]
                : (byte)(address[i] | TrailingOnes[hostBits]);
            hostBits -= 8;
        }
        return new IpRange(address, high);
    }

    public bool Contains(byte[] address) =>
        address.Length == _low.Length
        && address.AsSpan().SequenceCompareTo(_low) >= 0
        && address.AsSpan().SequenceCompareTo(_high) <= 0;
}
