using Choreo.Worker.Functions.Storage;

namespace Worker.Tests.Functions.Fakes;

/// <summary>A bucket in a dictionary; <see cref="FailWith"/> makes every call fail as S3 would.</summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    public const string Bucket = "worker-bucket";

    public Dictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

    public string? FailWith { get; set; }

    public Task PutJsonAsync(string key, string json, CancellationToken cancellationToken)
    {
        ThrowIfFailing("PutObject", key);
        Objects[key] = json;
        return Task.CompletedTask;
    }

    public Task<string?> GetTextAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfFailing("GetObject", key);
        return Task.FromResult(Objects.GetValueOrDefault(key));
    }

    public Task<Uri> PresignGetAsync(string key, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ThrowIfFailing("Presign GetObject", key);
        return Task.FromResult(new Uri($"http://127.0.0.1:4566/{Bucket}/{key}?X-Amz-Expires={(int)validFor.TotalSeconds}&X-Amz-Signature=test"));
    }

    private void ThrowIfFailing(string operation, string key)
    {
        if (FailWith is { } code)
        {
            throw new ObjectStoreException(operation, Bucket, key, code, "simulated S3 failure");
        }
    }
}
