using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.S3.Api;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.S3.CloudFormation;

/// <summary>
/// <c>AWS::S3::Bucket</c>: creates the bucket in the stack's account and region, named by <c>BucketName</c> or,
/// as CloudFormation does, <c>{stack}-{logicalid}-{random}</c> in lower case. Ref is the name.
/// </summary>
public sealed class BucketProvider(IS3ObjectStore store, IClock clock) : IResourceProvider
{
    public string ResourceType => "AWS::S3::Bucket";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var name = request.Properties["BucketName"]?.GetValue<string>() ?? GeneratedName(request.StackName, request.LogicalId);
        if (!BucketName.IsValid(name))
        {
            throw new AwsServiceException("InvalidBucketName", $"{request.LogicalId}: the bucket name '{name}' is not valid");
        }

        if (!store.TryCreateBucket(new BucketRecord(name, request.Account.AccountId, request.Account.Region, clock.UtcNow)))
        {
            throw new AwsServiceException("BucketAlreadyExists", $"{request.LogicalId}: a bucket named '{name}' already exists", 409);
        }

        var region = request.Account.Region;
        var attributes = new Dictionary<string, JsonNode?>
        {
            ["Arn"] = $"arn:aws:s3:::{name}",
            ["DomainName"] = $"{name}.s3.amazonaws.com",
            ["RegionalDomainName"] = $"{name}.s3.{region}.amazonaws.com",
            ["DualStackDomainName"] = $"{name}.s3.dualstack.{region}.amazonaws.com",
            ["WebsiteURL"] = $"http://{name}.s3-website-{region}.amazonaws.com",
        };
        return Task.FromResult(new ProvisionedResource(name, attributes));
    }

    private static string GeneratedName(string stackName, string logicalId)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var suffix = RandomNumberGenerator.GetString(alphabet, 12);
        var stem = $"{stackName}-{logicalId}".ToLowerInvariant();
        var maxStem = 63 - suffix.Length - 1;
        stem = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        stem = stem.Length > maxStem ? stem[..maxStem] : stem;
        return $"{stem.Trim('-')}-{suffix}";
    }
}
