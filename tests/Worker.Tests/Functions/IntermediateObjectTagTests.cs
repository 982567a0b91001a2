using Choreo.Worker.Functions.Storage;
using Choreo.Worker.Infrastructure.Storage;

namespace Worker.Tests.Functions;

public sealed class IntermediateObjectTagTests
{
    [Fact]
    public void The_functions_tag_intermediate_objects_with_the_pair_the_bucket_expiry_rule_matches()
    {
        Assert.Equal(WorkerBucket.IntermediateTagKey, ObjectKeys.IntermediateTagKey);
        Assert.Equal(WorkerBucket.IntermediateTagValue, ObjectKeys.IntermediateTagValue);
    }

    [Theory]
    [InlineData("arn:aws:states:us-east-1:1:execution:M:job/basic-3.json", true)]
    [InlineData("arn:aws:states:us-east-1:1:execution:M:job/final-0.json", true)]
    [InlineData("arn:aws:states:us-east-1:1:execution:M:job/0-cookies.json", false)]
    public void Only_basic_and_final_files_are_intermediate_and_the_report_is_kept(string key, bool intermediate) =>
        Assert.Equal(intermediate, ObjectKeys.IsIntermediate(key));
}
