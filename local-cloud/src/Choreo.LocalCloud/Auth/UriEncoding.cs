using System.Text;

namespace Choreo.LocalCloud.Auth;

/// <summary>SigV4's URI encoding: every byte except A-Z a-z 0-9 - _ . ~ as %XX (upper-case hex) of its UTF-8.</summary>
public static class UriEncoding
{
    public static string Encode(string value, bool keepSlash = false)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes %XX sequences (not '+': SigV4 clients encode spaces as %20).</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value);
}
