namespace Choreo.Worker.Functions.Storage;

/// <summary>The worker bucket as the handlers use it. Failures throw <see cref="ObjectStoreException"/>.</summary>
public interface IObjectStore
{
    Task PutJsonAsync(string key, string json, CancellationToken cancellationToken);

    /// <summary>The object's text, or null when there is no such key.</summary>
    Task<string?> GetTextAsync(string key, CancellationToken cancellationToken);

    /// <summary>A GET URL that needs no credentials, valid for <paramref name="validFor"/>.</summary>
    Task<Uri> PresignGetAsync(string key, TimeSpan validFor, CancellationToken cancellationToken);
}
