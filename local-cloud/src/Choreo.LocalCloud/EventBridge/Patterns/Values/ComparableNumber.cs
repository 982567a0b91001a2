using System.Globalization;

namespace Choreo.LocalCloud.EventBridge.Patterns.Values;

/// <summary>
/// A number as EventBridge compares it: values from -5e9 to 5e9 inclusive, precise to six decimal places,
/// represented as the count of millionths above -5e9 so that ordering and equality are integer operations.
/// </summary>
internal static class ComparableNumber
{
    private const double Limit = 5e9;
    private const double Scale = 1e6;

    public const string OutOfRangeMessage = "Value must be between -5.0E9 and 5.0E9, inclusive";

    public static long Lowest => Of(-Limit);

    public static long Highest => Of(Limit);

    /// <summary>Converts JSON number text; false when it is not a number or lies outside the supported range.</summary>
    public static bool TryParse(string jsonNumberText, out long comparable)
    {
        comparable = 0;
        if (!double.TryParse(jsonNumberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        return TryFrom(value, out comparable);
    }

    public static bool TryFrom(double value, out long comparable)
    {
        comparable = 0;
        if (double.IsNaN(value) || value < -Limit || value > Limit)
        {
            return false;
        }
        comparable = Of(value);
        return true;
    }

    // Same arithmetic as the reference implementation: shift to non-negative, scale, truncate.
    private static long Of(double value) => (long)(Scale * (Limit + value));
}
