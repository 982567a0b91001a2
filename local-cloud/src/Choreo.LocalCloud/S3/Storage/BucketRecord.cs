namespace Choreo.LocalCloud.S3.Storage;

/// <summary>A bucket: its globally unique name, the account that owns it, its region, and its policy document if any.</summary>
public sealed record BucketRecord(string Name, string OwnerAccountId, string Region, DateTimeOffset CreatedAt, string? Policy = null)
{
    public string Arn => $"arn:aws:s3:::{Name}";
}
