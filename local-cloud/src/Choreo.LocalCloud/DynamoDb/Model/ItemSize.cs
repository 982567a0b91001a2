using System.Text;

namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>
/// An item's size as DynamoDB counts it against the 400 KB limit and the 1 MB page: attribute names' UTF-8 bytes plus
/// each value (strings and binaries by their bytes, numbers about one byte per two digits plus one, documents with
/// a few bytes of overhead per element).
/// </summary>
public static class ItemSize
{
    public const int MaxItemBytes = 400 * 1024;

    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var size = 0;
        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value);
        }
        return size;
    }

    public static int Of(AttributeValue value) => value.Type switch
    {
        AttributeType.S => Encoding.UTF8.GetByteCount(value.AsString),
        AttributeType.N => NumberSize(value.AsNumber),
        AttributeType.B => value.AsBinary.Length,
        AttributeType.BOOL or AttributeType.NULL => 1,
        AttributeType.M => 3 + value.AsMap.Sum(pair => 1 + Encoding.UTF8.GetByteCount(pair.Key) + Of(pair.Value)),
        AttributeType.L => 3 + value.AsList.Sum(member => 1 + Of(member)),
        _ => value.SetMembers.Sum(Of),
    };

    private static int NumberSize(DynamoNumber number)
    {
        var digits = System.Numerics.BigInteger.Abs(number.Mantissa).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        return (digits + 1) / 2 + 1;
    }
}
