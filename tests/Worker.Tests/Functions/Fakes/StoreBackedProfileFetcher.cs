using Choreo.Worker.Functions.Profiles;

namespace Worker.Tests.Functions.Fakes;

/// <summary>Follows the fake presigned URLs of <see cref="InMemoryObjectStore"/>, or refuses with <see cref="RefuseWith"/>.</summary>
public sealed class StoreBackedProfileFetcher(InMemoryObjectStore store) : IProfileFetcher
{
    public int? RefuseWith { get; set; }

    public List<Uri> Fetched { get; } = [];

    public Task<string> FetchAsync(Uri presignedUrl, CancellationToken cancellationToken)
    {
        Fetched.Add(presignedUrl);
        if (RefuseWith is { } status)
        {
            throw new ProfileRefusedException(status, "expired or tampered");
        }
        var key = Uri.UnescapeDataString(presignedUrl.AbsolutePath)[$"/{InMemoryObjectStore.Bucket}/".Length..];
        return store.Objects.TryGetValue(key, out var text)
            ? Task.FromResult(text)
            : throw new ProfileRefusedException(404, "no such profile");
    }
}
