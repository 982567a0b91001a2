using System.Net;

namespace Choreo.Worker.Functions.Profiles;

/// <summary>Fetches presigned URLs with a plain <see cref="HttpClient"/> (shared per process).</summary>
public sealed class HttpProfileFetcher(HttpClient http) : IProfileFetcher
{
    public async Task<string> FetchAsync(Uri presignedUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(presignedUrl, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ProfileRefusedException((int)response.StatusCode, Reason(response.StatusCode));
            }
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ProfileRefusedException(null, e.Message, e);
        }
    }

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => "expired or tampered",
        HttpStatusCode.NotFound => "no such profile",
        _ => status.ToString(),
    };
}
