namespace Choreo.LocalCloud.Lambda.Invocation;

/// <summary>
/// How functions run here: the endpoint they reach local-cloud on, the secret of their account's
/// credentials, how many invocations of one function run at once, and how long Lambda waits before
/// retrying a failed asynchronous invocation (1 minute, then 2, on AWS).
/// </summary>
public sealed record LambdaServiceOptions(
    Func<Uri> Endpoint,
    string SecretAccessKey = "test",
    int MaxConcurrencyPerFunction = 10,
    TimeSpan? FirstRetryDelay = null)
{
    public TimeSpan RetryDelay(int attempt) => (FirstRetryDelay ?? TimeSpan.FromMinutes(1)) * attempt;
}
