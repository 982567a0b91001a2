namespace Choreo.Worker.Functions.Storage;

/// <summary>A storage call failed; <see cref="ErrorCode"/> is the store's own code (S3's <c>AccessDenied</c>, ...).</summary>
public sealed class ObjectStoreException(string operation, string bucket, string key, string errorCode, string message, Exception? inner = null)
    : Exception($"{operation} s3://{bucket}/{key} failed: {errorCode}: {message}", inner)
{
    public string Operation { get; } = operation;
    public string Bucket { get; } = bucket;
    public string Key { get; } = key;
    public string ErrorCode { get; } = errorCode;
}
