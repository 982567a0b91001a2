using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Runtime.Signing;
using Choreo.Contracts.Limits;

namespace Choreo.Worker.Runtime.Events;

/// <summary>
/// EventBridge PutEvents over awsJson 1.1, signed with AWSSDK.Core's SigV4 signer (the AWSSDK.EventBridge
/// package is not on our feed). Splits the events into requests of at most 10 entries and 256 KB, and throws
/// when EventBridge refuses the request or any entry.
/// </summary>
public sealed class EventBridgePutEventsClient : IEventPublisher
{
    public const string Target = "AWSEvents.PutEvents";
    public const string ContentType = "application/x-amz-json-1.1";
    private const string SigningService = "events";

    private readonly HttpClient _http;
    private readonly EventBridgeConnection _connection;
    private readonly TimeProvider _clock;

    public EventBridgePutEventsClient(HttpClient http, EventBridgeConnection connection, TimeProvider clock)
    {
        _http = http;
        _connection = connection;
        _clock = clock;
    }

    public async Task PublishAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken)
    {
        foreach (var batch in Batches(events))
        {
            await PutAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<List<OutgoingEvent>> Batches(IReadOnlyList<OutgoingEvent> events)
    {
        var batch = new List<OutgoingEvent>();
        var batchBytes = 0;
        foreach (var e in events)
        {
            var size = EventEntrySize.Of(e.Source, e.DetailType, e.Detail);
            if (!EventEntrySize.Fits(size))
            {
                throw new PutEventsFailedException(
                    "EntryTooLarge",
                    $"the '{e.DetailType}' event is {size} bytes; EventBridge accepts at most {EventEntrySize.MaxRequestBytes} per request");
            }
            if (batch.Count == EventEntrySize.MaxEntriesPerRequest || !EventEntrySize.Fits(batchBytes + size))
            {
                yield return batch;
                batch = [];
                batchBytes = 0;
            }
            batch.Add(e);
            batchBytes += size;
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task PutAsync(List<OutgoingEvent> batch, CancellationToken cancellationToken)
    {
        var request = new PutEventsRequest(batch.Select(e => new PutEventsRequestEntry(e.EventBusName, e.Source, e.DetailType, e.Detail)).ToList());
        var body = JsonSerializer.SerializeToUtf8Bytes(request, EventBridgeJsonContext.Default.PutEventsRequest);
        using var message = await SignedRequestAsync(body, cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw RequestRefused((int)response.StatusCode, text);
        }
        var result = Parse(text, EventBridgeJsonContext.Default.PutEventsResponse)
            ?? throw new PutEventsFailedException("InvalidResponse", "the response body was empty");
        var entries = result.Entries ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].ErrorCode is { } code)
            {
                var detailType = i < batch.Count ? batch[i].DetailType : "?";
                throw new PutEventsFailedException(code, $"the '{detailType}' event was refused: {entries[i].ErrorMessage ?? "no message"}");
            }
        }
        if (result.FailedEntryCount > 0 || entries.Count != batch.Count)
        {
            throw new PutEventsFailedException(
                "InvalidResponse",
                $"{result.FailedEntryCount} of {batch.Count} entries failed but the response names no error code");
        }
    }

    private async Task<HttpRequestMessage> SignedRequestAsync(byte[] body, CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest
        {
            HttpMethod = HttpMethod.Post,
            RequestUri = _connection.Endpoint,
            Content = body,
        };
        signing.Headers["Content-Type"] = ContentType;
        signing.Headers["X-Amz-Target"] = Target;
        var signed = await AWSSigV4Signer.SignAsync(
            signing,
            new AWSSigV4Parameters
            {
                Credentials = _connection.Credentials,
                Region = RegionEndpoint.GetBySystemName(_connection.Region),
                Service = SigningService,
                SignedAt = _clock.GetUtcNow().UtcDateTime,
            },
            cancellationToken).ConfigureAwait(false);

        var message = new HttpRequestMessage(HttpMethod.Post, _connection.Endpoint)
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
        foreach (var (name, value) in signed.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    private static PutEventsFailedException RequestRefused(int status, string text)
    {
        var error = TryParse(text);
        var type = error?.Type is { } t ? t[(t.LastIndexOf('#') + 1)..] : $"Http{status}";
        var detail = error?.Message ?? error?.MessageUpper ?? (text.Length > 0 ? text : "no body");
        return new PutEventsFailedException(type, $"HTTP {status}: {detail}");
    }

    private static AwsJsonError? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, EventBridgeJsonContext.Default.AwsJsonError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T? Parse<T>(string text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return text.Length == 0 ? default : JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException e)
        {
            throw new PutEventsFailedException("InvalidResponse", $"the response is not PutEvents JSON ({e.Message})");
        }
    }
}
