
namespace LocalCloud.Tests.Clients;

/// <summary>SQS SendMessageBatch, DeleteMessageBatch, PurgeQueue and DeleteQueue through boto3, with SQS's batch limits.</summary>
public sealed class SqsBatchAndQueueTests : ServedCloudTests
{
    [SkippableFact]
    public async Task A_batch_is_sent_and_deleted_entry_by_entry_then_the_queue_is_purged_and_deleted()
    {
        await AwsCommandLine.SkipUnlessBoto3InstalledAsync();

        var (exitCode, output) = await Clients.PythonAsync("""
            import boto3, os
            sqs = boto3.client("sqs", endpoint_url=os.environ["ENDPOINT"])
            url = sqs.create_queue(QueueName="batch")["QueueUrl"]
            sent = sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": "a", "MessageBody": "1"}, {"Id": "b", "MessageBody": "2"}])
            print("sent", sorted(e["Id"] for e in sent["Successful"]), len(sent.get("Failed", [])))
            got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
            deleted = sqs.delete_message_batch(QueueUrl=url, Entries=[{"Id": "x", "ReceiptHandle": got[0]["ReceiptHandle"]}, {"Id": "y", "ReceiptHandle": "forged"}])
            print("deleted", [e["Id"] for e in deleted["Successful"]], [(e["Id"], e["Code"]) for e in deleted["Failed"]])
            sqs.purge_queue(QueueUrl=url)
            print("after purge", sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]["ApproximateNumberOfMessagesNotVisible"])
            sqs.delete_queue(QueueUrl=url)
            print("after delete", sqs.list_queues().get("QueueUrls", []))
            """);

        Assert.True(exitCode == 0, output);
        Assert.Contains("sent ['a', 'b'] 0", output);
        Assert.Contains("deleted ['x'] [('y', 'ReceiptHandleIsInvalid')]", output);
        Assert.Contains("after purge 0", output);
        Assert.Contains("after delete []", output);
    }

    [SkippableFact]
    public async Task A_batch_of_eleven_entries_or_repeated_ids_is_refused_whole_with_SQS_errors()
    {
        await AwsCommandLine.SkipUnlessBoto3InstalledAsync();

        var (exitCode, output) = await Clients.PythonAsync("""
            import boto3, os
            sqs = boto3.client("sqs", endpoint_url=os.environ["ENDPOINT"])
            url = sqs.create_queue(QueueName="limits")["QueueUrl"]
            for entries in ([{"Id": str(i), "MessageBody": "m"} for i in range(11)], [{"Id": "a", "MessageBody": "m"}] * 2, []):
                try:
                    sqs.send_message_batch(QueueUrl=url, Entries=entries)
                    print("accepted")
                except sqs.exceptions.ClientError as e:
                    print(e.response["Error"]["Code"], "|", e.response["Error"]["Message"])
            """);

        Assert.True(exitCode == 0, output);
        Assert.Contains("TooManyEntriesInBatchRequest | Maximum number of entries per request are 10. You have sent 11.", output);
        Assert.Contains("BatchEntryIdsNotDistinct | Id a repeated.", output);
        Assert.Contains("EmptyBatchRequest | There should be at least one SendMessageBatchRequestEntry in the request.", output);
        Assert.DoesNotContain("accepted", output);
    }
}
