using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.EventBridge.Patterns.Values;

/// <summary>
/// Recognizes IPv4/IPv6 address literals the way EventBridge does: only text shaped like an address
/// (four dotted decimal groups, or hex groups with a colon) is considered; IPv4-mapped IPv6 becomes IPv4.
/// </summary>
internal static partial class IpAddressLiteral
{
    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex Ipv4Shape();

    [GeneratedRegex("^[0-9a-fA-F:]*:[0-9a-fA-F:]*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex Ipv6Shape();

    public static bool LooksLikeAddress(string text) => Ipv4Shape().IsMatch(text) || Ipv6Shape().IsMatch(text);

    /// <summary>The address bytes (4 or 16) when <paramref name="text"/> is a valid address literal.</summary>
    public static byte[]? TryParse(string text)
    {
        if (Ipv4Shape().IsMatch(text))
        {
            return TryParseIpv4(text);
        }
        if (Ipv6Shape().IsMatch(text)
            && IPAddress.TryParse(text, out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().GetAddressBytes() : address.GetAddressBytes();
        }
        return null;
    }

    // Dotted decimal only: IPAddress.TryParse would also read octal and shortened forms.
    private static byte[]? TryParseIpv4(string text)
    {
        var parts = text.Split('.');
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (parts[i].Length > 3
                || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var part)
                || part > 255)
            {
                return null;
            }
            bytes[i] = (byte)part;
        }
        return bytes;
    }
}
