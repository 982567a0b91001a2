using System.Xml.Linq;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>A DeleteObjects <c>Delete</c> document: the keys (1 to 1,000, as S3 limits them) and whether the answer is quiet.</summary>
internal sealed record DeleteObjectsRequest(IReadOnlyList<string> Keys, bool Quiet)
{
    private const int MaxKeys = 1000;

    public static DeleteObjectsRequest Parse(byte[] document)
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

        var root = xml.Root;
        if (root?.Name.LocalName != "Delete")
        {
            throw S3Errors.MalformedXml();
        }

        var keys = root.Elements().Where(e => e.Name.LocalName == "Object")
            .Select(o => o.Elements().FirstOrDefault(e => e.Name.LocalName == "Key")?.Value ?? throw S3Errors.MalformedXml())
            .ToList();
        if (keys.Count is 0 or > MaxKeys)
        {
            throw S3Errors.MalformedXml();
        }

        var quiet = root.Elements().FirstOrDefault(e => e.Name.LocalName == "Quiet")?.Value.Trim();
        return new DeleteObjectsRequest(keys, string.Equals(quiet, "true", StringComparison.OrdinalIgnoreCase));
    }
}
