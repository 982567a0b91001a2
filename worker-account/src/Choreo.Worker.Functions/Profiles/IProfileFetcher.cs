namespace Choreo.Worker.Functions.Profiles;

/// <summary>Reads a profile through its presigned URL, with no S3 credentials. Failures throw <see cref="ProfileRefusedException"/>.</summary>
public interface IProfileFetcher
{
    Task<string> FetchAsync(Uri presignedUrl, CancellationToken cancellationToken);
}
