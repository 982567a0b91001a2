namespace Choreo.LocalCloud.S3.Api;

/// <summary>An S3 error as AWS renders it: <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;...</c> with an HTTP status and extra elements.</summary>
public sealed class S3Error(string code, string message, int statusCode, IReadOnlyList<KeyValuePair<string, string>>? details = null)
    : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;

    /// <summary>Extra elements AWS adds for this code, e.g. BucketName, Key, Region, Expires.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; } = details ?? [];
}
