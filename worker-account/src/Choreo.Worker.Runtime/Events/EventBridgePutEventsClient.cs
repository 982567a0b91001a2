using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Runtime.Signing;
using Choreo.Contracts.Limits;

namespace Choreo.Worker.Runtime.Events;

/// <summary>
/// EventBridge PutEvents over awsJson 1.1, signed with AWSSDK.Core's SigV4 signer (the AWSSDK.EventBridge
/// package is not on our feed). Splits the events into requests of at most 10 entries and 256 KB. Retries
/// like the AWS SDKs (<see cref="PutEventsRetryPolicy"/>): a throttled, 5xx or unreachable request is sent
/// again (a request that timed out included); of a partial failure only the entries that failed with a transient code are resent, never one that
/// was accepted. What still fails is thrown as one <see cref="PutEventsFailedException"/> naming those events.
/// </summary>
public sealed class EventBridgePutEventsClient : IEventPublisher
{
    public const string Target = "AWSEvents.PutEvents";
    public const string ContentType = "application/x-amz-json-1.1";
    private const string SigningService = "events";

    // Entry error codes EventBridge documents as transient for PutEvents; others (malformed detail, access
    // denied, ...) would fail the same way again.
    private static readonly HashSet<string> TransientEntryCodes = new(StringComparer.Ordinal) { "ThrottlingException", "InternalFailure", "InternalException" };

    // Request error codes the AWS SDKs treat as throttling.
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    };

    private readonly HttpClient _http;
    private readonly EventBridgeConnection _connection;
    private readonly TimeProvider _clock;
    private readonly PutEventsRetryPolicy _retry;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Func<double> _jitter;

    /// <param name="delay">Waits between attempts; by default <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> on <paramref name="clock"/>.</param>
    /// <param name="jitter">A number in [0, 1) per retry; by default <see cref="Random.Shared"/>.</param>
    public EventBridgePutEventsClient(
        HttpClient http,
        EventBridgeConnection connection,
        TimeProvider clock,
        PutEventsRetryPolicy? retry = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null,
        Func<double>? jitter = null)
    {
        _http = http;
        _connection = connection;
        _clock = clock;
        _retry = retry ?? PutEventsRetryPolicy.Default;
        _retry.Validate();
        _delay = delay ?? ((wait, token) => Task.Delay(wait, clock, token));
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public async Task PublishAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken)
    {
        var failed = new List<FailedEventEntry>();
        var batches = Batches(events).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            var outcome = await PutWithRetriesAsync(batches[b], cancellationToken).ConfigureAwait(false);
            failed.AddRange(outcome.Failed);
            if (outcome.RequestError is { } error)
            {
                var notSent = batches.Skip(b + 1).SelectMany(batch => batch)
                    .Select(e => new FailedEventEntry(e.Index, e.Event.DetailType, "NotSent", $"not sent after the request failed with {error.ErrorCode}"));
                var all = failed.Concat(notSent).ToList();
                throw new PutEventsFailedException(error.ErrorCode, $"{error.Message}; events not accepted: {string.Join(", ", all)}", all);
            }
        }
        if (failed.Count > 0)
        {
            throw new PutEventsFailedException(
                failed[0].ErrorCode,
                $"{failed.Count} of {events.Count} events were not accepted: {string.Join(", ", failed)}",
                failed);
        }
    }

    private static IEnumerable<List<(int Index, OutgoingEvent Event)>> Batches(IReadOnlyList<OutgoingEvent> events)
    {
        var batch = new List<(int, OutgoingEvent)>();
        var batchBytes = 0;
        for (var index = 0; index < events.Count; index++)
        {
            var e = events[index];
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
            batch.Add((index, e));
            batchBytes += size;
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private sealed record BatchOutcome(IReadOnlyList<FailedEventEntry> Failed, PutEventsFailedException? RequestError);

    private async Task<BatchOutcome> PutWithRetriesAsync(List<(int Index, OutgoingEvent Event)> batch, CancellationToken cancellationToken)
    {
        var pending = batch;
        var failed = new List<FailedEventEntry>();
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt == _retry.MaxAttempts;
            PutEventsResponse result;
            try
            {
                result = await PutAsync(pending, cancellationToken).ConfigureAwait(false);
            }
            catch (RetryableRequestException) when (!last)
            {
                await _delay(_retry.DelayBefore(attempt, _jitter()), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (RetryableRequestException e)
            {
                var error = new PutEventsFailedException(e.ErrorCode, $"{e.Message} (after {attempt} attempts)");
                failed.AddRange(pending.Select(p => new FailedEventEntry(p.Index, p.Event.DetailType, e.ErrorCode, e.Message)));
                return new BatchOutcome(failed, error);
            }
            catch (PutEventsFailedException e)
            {
                failed.AddRange(pending.Select(p => new FailedEventEntry(p.Index, p.Event.DetailType, e.ErrorCode, e.Message)));
                return new BatchOutcome(failed, e);
            }

            var entries = result.Entries ?? [];
            if (entries.Count != pending.Count)
            {
                var error = new PutEventsFailedException("InvalidResponse", $"the response has {entries.Count} entries for {pending.Count} events sent");
                failed.AddRange(pending.Select(p => new FailedEventEntry(p.Index, p.Event.DetailType, error.ErrorCode, error.Message)));
                return new BatchOutcome(failed, error);
            }

            var resend = new List<(int Index, OutgoingEvent Event)>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].ErrorCode is not { } code)
                {
                    continue;
                }
                var entry = new FailedEventEntry(pending[i].Index, pending[i].Event.DetailType, code, entries[i].ErrorMessage ?? "no message");
                if (TransientEntryCodes.Contains(code) && !last)
                {
                    resend.Add(pending[i]);
                }
                else
                {
                    failed.Add(entry);
                }
            }
            if (result.FailedEntryCount > 0 && resend.Count == 0 && failed.Count == 0)
            {
                var error = new PutEventsFailedException(
                    "InvalidResponse", $"{result.FailedEntryCount} of {pending.Count} entries failed but the response names no error code");
                return new BatchOutcome([.. pending.Select(p => new FailedEventEntry(p.Index, p.Event.DetailType, error.ErrorCode, error.Message))], error);
            }
            if (resend.Count == 0)
            {
                return new BatchOutcome(failed, null);
            }
            pending = resend;
            await _delay(_retry.DelayBefore(attempt, _jitter()), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PutEventsResponse> PutAsync(List<(int Index, OutgoingEvent Event)> batch, CancellationToken cancellationToken)
    {
        var request = new PutEventsRequest(batch.Select(e => new PutEventsRequestEntry(e.Event.EventBusName, e.Event.Source, e.Event.DetailType, e.Event.Detail)).ToList());
        var body = JsonSerializer.SerializeToUtf8Bytes(request, EventBridgeJsonContext.Default.PutEventsRequest);
        using var message = await SignedRequestAsync(body, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RetryableRequestException("RequestFailed", $"no answer from {_connection.Endpoint}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: the request got no answer in time, which the AWS SDKs retry like a lost connection.
            throw new RetryableRequestException("RequestTimeout", $"no answer from {_connection.Endpoint} within {_http.Timeout.TotalSeconds:0.###} s");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (code, detail) = RequestError((int)response.StatusCode, text);
                var status = (int)response.StatusCode;
                if (status >= 500 || status == 429 || ThrottlingCodes.Contains(code))
                {
                    throw new RetryableRequestException(code, $"HTTP {status}: {detail}");
                }
                throw new PutEventsFailedException(code, $"HTTP {status}: {detail}");
            }
            return Parse(text, EventBridgeJsonContext.Default.PutEventsResponse)
                ?? throw new PutEventsFailedException("InvalidResponse", "the response body was empty");
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

    private static (string Code, string Detail) RequestError(int status, string text)
    {
        var error = TryParse(text);
        var type = error?.Type is { } t ? t[(t.LastIndexOf('#') + 1)..] : $"Http{status}";
        var detail = error?.Message ?? error?.MessageUpper ?? (text.Length > 0 ? text : "no body");
        return (type, detail);
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
