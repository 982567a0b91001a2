using Choreo.Contracts.Accounts;

namespace SharedContracts.Tests.Accounts;

public sealed class AwsAccountIdTests
{
    [Theory]
    [InlineData("111111111111")]
    [InlineData("012345678901")]
    public void Twelve_digits_are_an_account_id(string value) => Assert.True(AwsAccountId.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11111111111")]
    [InlineData("1111111111111")]
    [InlineData("11111111111a")]
    [InlineData("١١١١١١١١١١١١")]
    [InlineData(" 11111111111")]
    public void Anything_else_is_not(string? value) => Assert.False(AwsAccountId.IsValid(value));
}
