using System.Xml.Linq;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// An object's tags, validated as S3 does: at most 10, keys 1-128 and values 0-256 characters, keys unique.
/// Read from <c>x-amz-tagging</c> (URL query encoding) or a PutObjectTagging <c>Tagging</c> document.
/// </summary>
internal static class ObjectTagSet
{
    private const int MaxTags = 10;

    public static IReadOnlyDictionary<string, string>? FromHeader(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var pairs = header.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=');
            return equals < 0
                ? (Uri.UnescapeDataString(pair.Replace('+', ' ')), string.Empty)
                : (Uri.UnescapeDataString(pair[..equals].Replace('+', ' ')), Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' ')));
        });
        return Validated(pairs);
    }

    public static IReadOnlyDictionary<string, string> FromXml(byte[] document)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(document));
        }
        catch (System.Xml.XmlException)
        {
            throw S3Errors.MalformedXml();
        }

        var pairs = xml.Descendants().Where(e => e.Name.LocalName == "Tag").Select(tag =>
            (tag.Elements().FirstOrDefault(e => e.Name.LocalName == "Key")?.Value ?? throw S3Errors.MalformedXml(),
             tag.Elements().FirstOrDefault(e => e.Name.LocalName == "Value")?.Value ?? string.Empty));
        return Validated(pairs);
    }

    public static string ToXml(IReadOnlyDictionary<string, string>? tags) => S3Xml.Tagging(tags ?? new Dictionary<string, string>());

    private static Dictionary<string, string> Validated(IEnumerable<(string Key, string Value)> pairs)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (key.Length is 0 or > 128)
            {
                throw new S3Error("InvalidTag", "The TagKey you have provided is invalid", 400);
            }

            if (value.Length > 256)
            {
                throw new S3Error("InvalidTag", "The TagValue you have provided is invalid", 400);
            }

            if (!tags.TryAdd(key, value))
            {
                throw new S3Error("InvalidTag", "Cannot provide multiple Tags with the same key", 400);
            }
        }

        if (tags.Count > MaxTags)
        {
            throw new S3Error("BadRequest", "Object tags cannot be greater than 10", 400);
        }

        return tags;
    }
}
