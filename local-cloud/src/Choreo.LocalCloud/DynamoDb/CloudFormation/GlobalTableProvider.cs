using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.DynamoDb.CloudFormation;

/// <summary><c>AWS::DynamoDB::GlobalTable</c> is refused: local-cloud does not replicate tables between regions.</summary>
public sealed class GlobalTableProvider : IResourceProvider
{
    public string ResourceType => "AWS::DynamoDB::GlobalTable";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        throw new AwsServiceException("ValidationError",
            $"Resource {request.LogicalId}: AWS::DynamoDB::GlobalTable (multi-region replication) is not supported by local-cloud; use AWS::DynamoDB::Table.");
}
