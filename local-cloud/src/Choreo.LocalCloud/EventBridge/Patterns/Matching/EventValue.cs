using Choreo.LocalCloud.EventBridge.Patterns.Values;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matching;

/// <summary>
/// One leaf of a flattened event: its JSON type, its text (string content, or the number as written),
/// its comparable number when it is one in range, and the array elements it sits in.
/// </summary>
internal sealed class EventValue
{
    private byte[]? _ipAddress;
    private bool _ipAddressParsed;

    public EventValue(EventValueKind kind, string text, ArrayMembership membership)
    {
        Kind = kind;
        Text = text;
        Membership = membership;
        if (kind == EventValueKind.Number && ComparableNumber.TryParse(text, out var comparable))
        {
            Comparable = comparable;
        }
    }

    public EventValueKind Kind { get; }

    public string Text { get; }

    public long? Comparable { get; }

    public ArrayMembership Membership { get; }

    public bool IsString => Kind == EventValueKind.String;

    /// <summary>The address bytes when this is a string holding an IP address literal.</summary>
    public byte[]? IpAddress
    {
        get
        {
            if (!_ipAddressParsed)
            {
                _ipAddress = IsString ? IpAddressLiteral.TryParse(Text) : null;
                _ipAddressParsed = true;
            }
            return _ipAddress;
        }
    }
}
