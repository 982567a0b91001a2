namespace Choreo.Worker.Functions.Errors;

/// <summary>The <c>error</c> codes of the worker's <c>failed</c> events, in one place (Step Functions allows 256 characters).</summary>
public static class ErrorCodes
{
    /// <summary>The event does not fit its contract; the cause names the field.</summary>
    public const string InvalidInput = "Worker.InvalidInput";

    /// <summary>The presigned profile URL was refused, expired, tampered or unreachable.</summary>
    public const string ProfileUnreadable = "Worker.ProfileUnreadable";

    /// <summary>An S3 call failed; the cause names bucket, key and S3's error code.</summary>
    public const string StorageFailed = "Worker.StorageFailed";

    /// <summary>A final file the report needs is missing.</summary>
    public const string ReportIncomplete = "Worker.ReportIncomplete";

    /// <summary>Putting the step's own event on the bus failed.</summary>
    public const string PublishFailed = "Worker.PublishFailed";

    /// <summary>The step ran past the function's deadline.</summary>
    public const string TimedOut = "Worker.TimedOut";

    /// <summary>A function crashed through all of Lambda's retries (sent by the failure relay).</summary>
    public const string Crashed = "Worker.Crashed";

    /// <summary>A failure no other code describes; the cause carries the exception's message.</summary>
    public const string Unexpected = "Worker.Unexpected";
}
