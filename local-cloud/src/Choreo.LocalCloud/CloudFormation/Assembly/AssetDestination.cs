namespace Choreo.LocalCloud.CloudFormation.Assembly;

/// <summary>Where the CDK would publish an asset: the bucket name (may hold <c>${AWS::AccountId}</c>-style placeholders) and object key.</summary>
public sealed record AssetDestination(string BucketName, string ObjectKey);
