using System.Text.Json;
using Choreo.Contracts.Details;
using Choreo.Worker.Functions.Errors;
using Choreo.Worker.Functions.People;

namespace Choreo.Worker.Functions.Profiles;

/// <summary>
/// Reads the profile a <c>getUserCookies</c> event points at. Any refusal becomes
/// <see cref="ErrorCodes.ProfileUnreadable"/> naming the item, the execution and what the URL answered.
/// </summary>
public sealed class ProfileReader(IProfileFetcher fetcher)
{
    public async Task<Profile> ReadAsync(GetUserCookies detail, CancellationToken cancellationToken)
    {
        var where = $"the presigned profile URL for item {detail.Index} of execution {detail.Execution}";
        string text;
        try
        {
            text = await fetcher.FetchAsync(new Uri(detail.Profile, UriKind.Absolute), cancellationToken).ConfigureAwait(false);
        }
        catch (ProfileRefusedException e)
        {
            throw new WorkerFailure(ErrorCodes.ProfileUnreadable, $"{where} {e.Message}", e);
        }
        try
        {
            return JsonSerializer.Deserialize(text, PeopleJsonContext.Default.Profile)
                ?? throw new WorkerFailure(ErrorCodes.ProfileUnreadable, $"{where} returned null instead of a profile");
        }
        catch (JsonException e)
        {
            throw new WorkerFailure(ErrorCodes.ProfileUnreadable, $"{where} returned something that is not a profile ({e.Message})", e);
        }
    }
}
