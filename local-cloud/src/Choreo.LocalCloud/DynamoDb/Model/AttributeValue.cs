namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>
/// One immutable DynamoDB value. Numbers keep their exact decimal (<see cref="DynamoNumber"/>); sets keep their
/// members in the order given (AWS does not promise an order) and never hold duplicates.
/// </summary>
public sealed class AttributeValue : IEquatable<AttributeValue>
{
    private readonly object? _payload;

    private AttributeValue(AttributeType type, object? payload)
    {
        Type = type;
        _payload = payload;
    }

    public AttributeType Type { get; }

    public static AttributeValue Null { get; } = new(AttributeType.NULL, null);
    public static AttributeValue True { get; } = new(AttributeType.BOOL, true);
    public static AttributeValue False { get; } = new(AttributeType.BOOL, false);

    public static AttributeValue String(string value) => new(AttributeType.S, value);
    public static AttributeValue Number(DynamoNumber value) => new(AttributeType.N, value);
    public static AttributeValue Binary(byte[] value) => new(AttributeType.B, value);
    public static AttributeValue Bool(bool value) => value ? True : False;
    public static AttributeValue Map(IReadOnlyDictionary<string, AttributeValue> value) => new(AttributeType.M, value);
    public static AttributeValue List(IReadOnlyList<AttributeValue> value) => new(AttributeType.L, value);
    public static AttributeValue StringSet(IReadOnlyList<string> value) => new(AttributeType.SS, value);
    public static AttributeValue NumberSet(IReadOnlyList<DynamoNumber> value) => new(AttributeType.NS, value);
    public static AttributeValue BinarySet(IReadOnlyList<byte[]> value) => new(AttributeType.BS, value);

    public string AsString => (string)_payload!;
    public DynamoNumber AsNumber => (DynamoNumber)_payload!;
    public byte[] AsBinary => (byte[])_payload!;
    public bool AsBool => (bool)_payload!;
    public IReadOnlyDictionary<string, AttributeValue> AsMap => (IReadOnlyDictionary<string, AttributeValue>)_payload!;
    public IReadOnlyList<AttributeValue> AsList => (IReadOnlyList<AttributeValue>)_payload!;
    public IReadOnlyList<string> AsStringSet => (IReadOnlyList<string>)_payload!;
    public IReadOnlyList<DynamoNumber> AsNumberSet => (IReadOnlyList<DynamoNumber>)_payload!;
    public IReadOnlyList<byte[]> AsBinarySet => (IReadOnlyList<byte[]>)_payload!;

    public bool IsSet => Type is AttributeType.SS or AttributeType.NS or AttributeType.BS;

    /// <summary>Members of a set as single values (for <c>contains</c>, ADD and DELETE).</summary>
    public IEnumerable<AttributeValue> SetMembers => Type switch
    {
        AttributeType.SS => AsStringSet.Select(String),
        AttributeType.NS => AsNumberSet.Select(Number),
        AttributeType.BS => AsBinarySet.Select(Binary),
        _ => [],
    };

    /// <summary>A set of <paramref name="setType"/> from single values of its member type.</summary>
    public static AttributeValue SetOf(AttributeType setType, IEnumerable<AttributeValue> members) => setType switch
    {
        AttributeType.SS => StringSet(members.Select(m => m.AsString).ToList()),
        AttributeType.NS => NumberSet(members.Select(m => m.AsNumber).ToList()),
        _ => BinarySet(members.Select(m => m.AsBinary).ToList()),
    };

    /// <summary>The scalar type of a set's members.</summary>
    public static AttributeType MemberType(AttributeType setType) => setType switch
    {
        AttributeType.SS => AttributeType.S,
        AttributeType.NS => AttributeType.N,
        _ => AttributeType.B,
    };

    public int SetCount => Type switch
    {
        AttributeType.SS => AsStringSet.Count,
        AttributeType.NS => AsNumberSet.Count,
        AttributeType.BS => AsBinarySet.Count,
        _ => 0,
    };

    /// <summary>Orders two scalars of the same type as DynamoDB does: numbers by value, strings and binaries by their bytes.</summary>
    public static int CompareScalars(AttributeValue a, AttributeValue b) => a.Type switch
    {
        AttributeType.N => a.AsNumber.CompareTo(b.AsNumber),
        AttributeType.S => CompareUtf8(a.AsString, b.AsString),
        AttributeType.B => a.AsBinary.AsSpan().SequenceCompareTo(b.AsBinary),
        _ => throw new InvalidOperationException($"{a.Type} values have no order"),
    };

    /// <summary>Compares strings in UTF-8 byte order (code point order), which is how DynamoDB sorts them.</summary>
    public static int CompareUtf8(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return CodePointRank(a[i]).CompareTo(CodePointRank(b[i]));
            }
        }
        return a.Length.CompareTo(b.Length);

        // Surrogates (U+D800–DFFF) encode code points above U+FFFF, so they sort after U+E000–FFFF.
        static int CodePointRank(char c) => c switch
        {
            >= '\uD800' and <= '\uDFFF' => c + 0x2000,
            >= '\uE000' => c - 0x800,
            _ => c,
        };
    }

    public bool Equals(AttributeValue? other)
    {
        if (other is null || other.Type != Type)
        {
            return false;
        }
        return Type switch
        {
            AttributeType.S => AsString == other.AsString,
            AttributeType.N => AsNumber.Equals(other.AsNumber),
            AttributeType.B => AsBinary.AsSpan().SequenceEqual(other.AsBinary),
            AttributeType.BOOL => AsBool == other.AsBool,
            AttributeType.NULL => true,
            AttributeType.M => AsMap.Count == other.AsMap.Count
                && AsMap.All(pair => other.AsMap.TryGetValue(pair.Key, out var value) && pair.Value.Equals(value)),
            AttributeType.L => AsList.Count == other.AsList.Count && AsList.Zip(other.AsList).All(pair => pair.First.Equals(pair.Second)),
            _ => SetCount == other.SetCount && SetMembers.All(member => other.SetMembers.Contains(member)),
        };
    }

    public override bool Equals(object? obj) => obj is AttributeValue other && Equals(other);

    public override int GetHashCode() => Type switch
    {
        AttributeType.S => HashCode.Combine(Type, AsString),
        AttributeType.N => HashCode.Combine(Type, AsNumber),
        AttributeType.B => HashCode.Combine(Type, AsBinary.Length, AsBinary.Length > 0 ? AsBinary[0] : 0),
        AttributeType.BOOL => HashCode.Combine(Type, AsBool),
        _ => Type.GetHashCode(),
    };
}
