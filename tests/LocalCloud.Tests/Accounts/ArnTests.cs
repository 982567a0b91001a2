using Choreo.LocalCloud.Accounts;

namespace LocalCloud.Tests.Accounts;

public sealed class ArnTests
{
    [Fact]
    public void A_resource_keeps_its_colons_and_the_arn_prints_as_it_was_read()
    {
        const string text = "arn:aws:lambda:us-east-1:222222222222:function:process-single:live";

        Assert.True(Arn.TryParse(text, out var arn));

        Assert.Equal(new Arn("aws", "lambda", "us-east-1", "222222222222", "function:process-single:live"), arn);
        Assert.Equal(["function", "process-single", "live"], arn.ResourceParts);
        Assert.Equal(new AccountContext("222222222222", "us-east-1"), arn.Owner);
        Assert.Equal(text, arn.ToString());
    }

    [Fact]
    public void A_built_arn_is_in_the_aws_partition_of_its_owner()
    {
        var arn = Arn.For("events", new AccountContext("111111111111", "eu-west-1"), "event-bus/orchestrator");

        Assert.Equal("arn:aws:events:eu-west-1:111111111111:event-bus/orchestrator", arn.ToString());
        Assert.Equal("orchestrator", arn.ResourceName);
    }

    [Theory]
    [InlineData("orchestrator")]
    [InlineData("arn:aws:sqs:us-east-1:111111111111")]
    [InlineData("urn:aws:sqs:us-east-1:111111111111:queue")]
    [InlineData(null)]
    public void Text_without_six_fields_starting_with_arn_is_not_an_arn(string? text)
    {
        Assert.False(Arn.TryParse(text, out var arn));
        Assert.Null(arn);
    }
}
