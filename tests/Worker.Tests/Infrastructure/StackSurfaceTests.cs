using Amazon.CDK;
using Choreo.Worker.Infrastructure;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class StackSurfaceTests(WorkerTemplateFixture fixture)
{
    [Fact]
    public void Stack_outputs_the_bucket_name_the_bus_arn_and_the_dead_letter_url()
    {
        var outputs = fixture.DevJson.Root.GetProperty("Outputs");

        Assert.Contains("StorageBucket", TemplateJson.Text(outputs.GetProperty(WorkerStack.BucketNameOutput).GetProperty("Value")));
        Assert.Equal(WorkerTemplateFixture.WorkerBusArn, TemplateJson.Text(outputs.GetProperty(WorkerStack.BusArnOutput).GetProperty("Value")));
        Assert.Contains("ReturnToOrchestratorDeadLetters", TemplateJson.Text(outputs.GetProperty(WorkerStack.ReturnDeadLettersUrlOutput).GetProperty("Value")));
    }

    [Fact]
    public void Stack_exposes_its_bucket_bus_and_dead_letters_to_other_stacks()
    {
        var stack = fixture.DevStack;

        Assert.Equal("default", stack.Bus.EventBusName);
        Assert.Equal("ReturnToOrchestrator/DeadLetters", string.Join('/', stack.ReturnDeadLetters.Node.Path.Split('/').Skip(1)));
        Assert.Equal("Storage/Bucket", string.Join('/', stack.Bucket.Node.Path.Split('/').Skip(1)));
        Assert.True(Token.IsUnresolved(stack.Bucket.BucketName));
    }
}
