using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;

namespace Hostile.Tests;

/// <summary>AWS SDK clients for one account, pointed at the local-cloud under attack, with retries off.</summary>
internal static class AwsClients
{
    public static AmazonS3Client S3(Uri baseUrl, string account) =>
        new(new BasicAWSCredentials(account, RawSignedRequest.Secret), new AmazonS3Config
        {
            ServiceURL = baseUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
        });

    public static AmazonSQSClient Sqs(Uri baseUrl, string account) =>
        new(new BasicAWSCredentials(account, RawSignedRequest.Secret), new AmazonSQSConfig
        {
            ServiceURL = baseUrl.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
        });
}
