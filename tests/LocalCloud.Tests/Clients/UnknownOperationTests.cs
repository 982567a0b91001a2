
namespace LocalCloud.Tests.Clients;

/// <summary>
/// An operation local-cloud does not serve answers, through the AWS CLI, the error AWS gives for an unknown
/// operation in that service's protocol, naming the operation: never an S3 error or a silent success.
/// </summary>
public sealed class UnknownOperationTests : ServedCloudTests
{
    [SkippableFact]
    public async Task A_query_protocol_action_nothing_serves_answers_InvalidAction_with_its_name_and_version()
    {
        await AwsCommandLine.SkipUnlessInstalledAsync();

        var (exitCode, output) = await Clients.RunAsync("iam", "list-users");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("An error occurred (InvalidAction) when calling the ListUsers operation: Could not find operation ListUsers for version 2010-05-08", output);
    }

    [SkippableFact]
    public async Task An_awsJson_operation_a_served_service_lacks_answers_UnknownOperationException()
    {
        await AwsCommandLine.SkipUnlessInstalledAsync();

        var (exitCode, output) = await Clients.RunAsync("events", "list-archives");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("An error occurred (UnknownOperationException) when calling the ListArchives operation", output);
        Assert.Contains("ListArchives", output[output.IndexOf("operation:", StringComparison.Ordinal)..]);
    }

    [SkippableFact]
    public async Task A_rest_operation_a_served_service_lacks_answers_UnknownOperationException()
    {
        await AwsCommandLine.SkipUnlessInstalledAsync();

        var (exitCode, output) = await Clients.RunAsync("lambda", "list-layers");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("An error occurred (UnknownOperationException) when calling the ListLayers operation", output);
    }
}
