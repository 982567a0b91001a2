using System.Text;
using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>
/// The compact binary form items are kept in: length-prefixed UTF-8 names and values behind a one-byte type. Key
/// attributes are left out (the stored item holds them already), so a small item costs little more than its data.
/// </summary>
public static class ItemCodec
{
    public static byte[] Encode(IReadOnlyDictionary<string, AttributeValue> item, KeySchema key)
    {
        using var stream = new MemoryStream(128);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(item.Count(pair => !key.IsKeyAttribute(pair.Key)));
            foreach (var (name, value) in item)
            {
                if (!key.IsKeyAttribute(name))
                {
                    writer.Write(name);
                    Write(writer, value);
                }
            }
        }
        return stream.ToArray();
    }

    public static Dictionary<string, AttributeValue> Decode(byte[] body, KeySchema key, AttributeValue partition, AttributeValue? sort)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false), Encoding.UTF8);
        var item = ReadMap(reader);
        item[key.Partition.Name] = partition;
        if (key.Sort is { } sortKey)
        {
            item[sortKey.Name] = sort!;
        }
        return item;
    }

    private static void Write(BinaryWriter writer, AttributeValue value)
    {
        writer.Write((byte)value.Type);
        switch (value.Type)
        {
            case AttributeType.S:
                writer.Write(value.AsString);
                break;
            case AttributeType.N:
                writer.Write(value.AsNumber.ToString());
                break;
            case AttributeType.B:
                writer.Write7BitEncodedInt(value.AsBinary.Length);
                writer.Write(value.AsBinary);
                break;
            case AttributeType.BOOL:
                writer.Write(value.AsBool);
                break;
            case AttributeType.NULL:
                break;
            case AttributeType.M:
                writer.Write7BitEncodedInt(value.AsMap.Count);
                foreach (var (name, member) in value.AsMap)
                {
                    writer.Write(name);
                    Write(writer, member);
                }
                break;
            case AttributeType.L:
                writer.Write7BitEncodedInt(value.AsList.Count);
                foreach (var member in value.AsList)
                {
                    Write(writer, member);
                }
                break;
            default:
                writer.Write7BitEncodedInt(value.SetCount);
                foreach (var member in value.SetMembers)
                {
                    Write(writer, member);
                }
                break;
        }
    }

    private static Dictionary<string, AttributeValue> ReadMap(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        var map = new Dictionary<string, AttributeValue>(count + 2, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            map[name] = Read(reader);
        }
        return map;
    }

    private static AttributeValue Read(BinaryReader reader)
    {
        var type = (AttributeType)reader.ReadByte();
        switch (type)
        {
            case AttributeType.S:
                return AttributeValue.String(reader.ReadString());
            case AttributeType.N:
                return AttributeValue.Number(DynamoNumber.Parse(reader.ReadString()));
            case AttributeType.B:
                return AttributeValue.Binary(reader.ReadBytes(reader.Read7BitEncodedInt()));
            case AttributeType.BOOL:
                return AttributeValue.Bool(reader.ReadBoolean());
            case AttributeType.NULL:
                return AttributeValue.Null;
            case AttributeType.M:
                return AttributeValue.Map(ReadMap(reader));
            case AttributeType.L:
                var list = new List<AttributeValue>(reader.Read7BitEncodedInt());
                for (var i = list.Capacity; i > 0; i--)
                {
                    list.Add(Read(reader));
                }
                return AttributeValue.List(list);
            default:
                var count = reader.Read7BitEncodedInt();
                var members = new List<AttributeValue>(count);
                for (var i = 0; i < count; i++)
                {
                    members.Add(Read(reader));
                }
                return AttributeValue.SetOf(type, members);
        }
    }
}
