using System.Globalization;
using System.Numerics;
using System.Text;

namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>
/// A DynamoDB number: exact decimal (mantissa × 10^exponent) with AWS's limits of 38 significant digits and
/// magnitudes between 1E-130 and 9.9999999999999999999999999999999999999E+125. Kept normalized (no trailing zeros
/// in the mantissa), so equal numbers have equal parts and print the same way AWS prints them.
/// </summary>
public readonly struct DynamoNumber : IComparable<DynamoNumber>, IEquatable<DynamoNumber>
{
    private const int MaxDigits = 38;

    private DynamoNumber(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero)
        {
            exponent = 0;
        }
        else
        {
            while (mantissa % 10 == 0)
            {
                mantissa /= 10;
                exponent++;
            }
        }
        Mantissa = mantissa;
        Exponent = exponent;
    }

    public BigInteger Mantissa { get; }
    public int Exponent { get; }

    public static DynamoNumber Parse(string text)
    {
        if (!TryParseDecimal(text, out var mantissa, out var exponent))
        {
            throw DynamoDbErrors.Validation("A value provided cannot be converted into a number");
        }
        return Checked(new DynamoNumber(mantissa, exponent));
    }

    public static DynamoNumber operator +(DynamoNumber a, DynamoNumber b)
    {
        var exponent = Math.Min(a.Exponent, b.Exponent);
        var sum = a.Mantissa * BigInteger.Pow(10, a.Exponent - exponent) + b.Mantissa * BigInteger.Pow(10, b.Exponent - exponent);
        return Checked(new DynamoNumber(sum, exponent));
    }

    public static DynamoNumber operator -(DynamoNumber a, DynamoNumber b) => a + new DynamoNumber(-b.Mantissa, b.Exponent);

    public int CompareTo(DynamoNumber other)
    {
        var exponent = Math.Min(Exponent, other.Exponent);
        var left = Mantissa * BigInteger.Pow(10, Exponent - exponent);
        var right = other.Mantissa * BigInteger.Pow(10, other.Exponent - exponent);
        return left.CompareTo(right);
    }

    public bool Equals(DynamoNumber other) => Mantissa == other.Mantissa && Exponent == other.Exponent;

    public override bool Equals(object? obj) => obj is DynamoNumber other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Mantissa, Exponent);

    /// <summary>Plain decimal notation, as DynamoDB returns numbers (<c>1E+2</c> reads back as <c>100</c>).</summary>
    public override string ToString()
    {
        if (Mantissa.IsZero)
        {
            return "0";
        }
        var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        if (Mantissa.Sign < 0)
        {
            text.Append('-');
        }
        if (Exponent >= 0)
        {
            text.Append(digits).Append('0', Exponent);
        }
        else if (-Exponent < digits.Length)
        {
            text.Append(digits, 0, digits.Length + Exponent).Append('.').Append(digits, digits.Length + Exponent, -Exponent);
        }
        else
        {
            text.Append("0.").Append('0', -Exponent - digits.Length).Append(digits);
        }
        return text.ToString();
    }

    private static DynamoNumber Checked(DynamoNumber number)
    {
        if (number.Mantissa.IsZero)
        {
            return number;
        }
        var digits = BigInteger.Abs(number.Mantissa).ToString(CultureInfo.InvariantCulture).Length;
        if (digits > MaxDigits)
        {
            throw DynamoDbErrors.Validation("Attempting to store more than 38 significant digits in a Number");
        }
        // The magnitude is digits × 10^(exponent): its leading digit sits at 10^(digits - 1 + exponent).
        var magnitude = digits - 1 + number.Exponent;
        if (magnitude > 125)
        {
            throw DynamoDbErrors.Validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude < -130)
        {
            throw DynamoDbErrors.Validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return number;
    }

    private static bool TryParseDecimal(string text, out BigInteger mantissa, out int exponent)
    {
        mantissa = BigInteger.Zero;
        exponent = 0;
        var span = text.AsSpan();
        if (span.IsEmpty)
        {
            return false;
        }
        var negative = false;
        var i = 0;
        if (span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            i++;
        }
        var digits = new StringBuilder();
        var fraction = 0;
        var seenDigit = false;
        var seenPoint = false;
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsAsciiDigit(c))
            {
                seenDigit = true;
                if (digits.Length > 0 || c != '0')
                {
                    digits.Append(c);
                }
                if (seenPoint)
                {
                    fraction++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }
        if (!seenDigit)
        {
            return false;
        }
        var power = 0;
        if (i < span.Length)
        {
            if (span[i] is not ('e' or 'E') || !int.TryParse(span[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out power))
            {
                return false;
            }
        }
        mantissa = digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        if (negative)
        {
            mantissa = -mantissa;
        }
        exponent = power - fraction;
        return true;
    }
}
