using System.Globalization;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// A single <c>bytes=first-last</c>, <c>bytes=first-</c> or <c>bytes=-suffix</c> range, as S3 serves it: any
/// satisfiable range answers 206 with Content-Range, even one covering the whole object; a syntactically
/// invalid or multi-range header is ignored (200, whole object); an unsatisfiable one is 416 InvalidRange.
/// </summary>
internal sealed record ByteRange(long Offset, long Length)
{
    public long Last => Offset + Length - 1;

    /// <summary>The range requested, or null for the whole object without a range.</summary>
    public static ByteRange? Parse(string header, long size)
    {
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(','))
        {
            return null;
        }

        var spec = header["bytes=".Length..].Split('-');
        if (spec.Length != 2)
        {
            return null;
        }

        long first, last;
        if (spec[0].Length == 0 && long.TryParse(spec[1], NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
        {
            if (suffix == 0 || size == 0)
            {
                throw Unsatisfiable(header, size);
            }

            first = Math.Max(0, size - suffix);
            last = size - 1;
        }
        else if (long.TryParse(spec[0], NumberStyles.None, CultureInfo.InvariantCulture, out first))
        {
            if (spec[1].Length == 0)
            {
                last = size - 1;
            }
            else if (long.TryParse(spec[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end >= first)
            {
                last = Math.Min(end, size - 1);
            }
            else
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        if (first >= size)
        {
            throw Unsatisfiable(header, size);
        }

        return new ByteRange(first, last - first + 1);
    }

    private static S3Error Unsatisfiable(string header, long size) =>
        new("InvalidRange", "The requested range is not satisfiable", 416,
            [new("RangeRequested", header), new("ActualObjectSize", size.ToString(CultureInfo.InvariantCulture))]);
}
