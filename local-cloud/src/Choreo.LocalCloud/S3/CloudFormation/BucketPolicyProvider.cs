using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.CloudFormation;

/// <summary>
/// <c>AWS::S3::BucketPolicy</c>: records <c>PolicyDocument</c> on the stack account's bucket named by <c>Bucket</c>;
/// S3 evaluates it on every request (see <c>BucketPolicyDecision</c>). Ref is the bucket name.
/// </summary>
public sealed class BucketPolicyProvider(IS3ObjectStore store) : IResourceProvider
{
    public string ResourceType => "AWS::S3::BucketPolicy";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var bucketName = request.Properties["Bucket"]?.GetValue<string>()
            ?? throw new AwsServiceException("ValidationError", $"{request.LogicalId}: the property Bucket is required");
        var document = request.Properties["PolicyDocument"] as JsonObject
            ?? throw new AwsServiceException("ValidationError", $"{request.LogicalId}: the property PolicyDocument must be an object");
        var bucket = store.FindBucket(bucketName);
        if (bucket is null || bucket.OwnerAccountId != request.Account.AccountId)
        {
            throw new AwsServiceException("NoSuchBucket", $"{request.LogicalId}: bucket '{bucketName}' does not exist in account {request.Account.AccountId}", 404);
        }

        var policy = document.ToJsonString();
        try
        {
            Api.BucketPolicyDecision.Validate(policy, bucket.Arn);
        }
        catch (Api.S3Error error)
        {
            throw new AwsServiceException(error.Code, $"{request.LogicalId}: {error.Message}");
        }

        store.SetBucketPolicy(bucketName, policy);
        return Task.FromResult(new ProvisionedResource(bucketName, new Dictionary<string, JsonNode?>()));
    }
}
