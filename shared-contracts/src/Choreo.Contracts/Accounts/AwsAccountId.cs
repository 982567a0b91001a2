namespace Choreo.Contracts.Accounts;

/// <summary>The one check of what an AWS account id is: exactly 12 ASCII digits (leading zeros allowed).</summary>
public static class AwsAccountId
{
    public const int Length = 12;

    public static bool IsValid(string? value) => value is { Length: Length } && value.All(char.IsAsciiDigit);
}
