using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Choreo.Contracts.Accounts;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>
/// Task tokens of every waiting task, for every account. A token names its account; only callers in that
/// account may complete it. Answers as AWS does: malformed or foreign → InvalidToken, never issued →
/// TaskDoesNotExist, already closed (completed, timed out, aborted) → TaskTimedOut.
/// </summary>
public sealed class TaskTokenStore
{
    private const string Prefix = "AQC";

    private readonly ConcurrentDictionary<string, PendingTaskToken> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _closed = new(StringComparer.Ordinal);

    public PendingTaskToken Open(string accountId, string executionArn)
    {
        var raw = $"{accountId}|{Guid.NewGuid():N}|{executionArn}";
        var token = Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(raw));
        var pending = new PendingTaskToken(token, accountId, executionArn);
        _open[token] = pending;
        return pending;
    }

    /// <summary>Closes a token (its task ended another way): later callbacks get TaskTimedOut.</summary>
    public void Close(string token)
    {
        if (_open.TryRemove(token, out _))
        {
            _closed[token] = 0;
        }
    }

    public void Succeed(AccountContext caller, string? token, JsonNode? output)
    {
        var pending = Take(caller, token);
        pending.Completion.TrySetResult(output);
    }

    public void Fail(AccountContext caller, string? token, string? error, string? cause)
    {
        var pending = Take(caller, token);
        pending.Completion.TrySetException(new StatesFailure(error ?? string.Empty, cause));
    }

    public void Heartbeat(AccountContext caller, string? token) => Find(caller, token).Beat();

    private PendingTaskToken Take(AccountContext caller, string? token)
    {
        var pending = Find(caller, token);
        if (!_open.TryRemove(pending.Token, out _))
        {
            throw TimedOut();
        }

        _closed[pending.Token] = 0;
        return pending;
    }

    private PendingTaskToken Find(AccountContext caller, string? token)
    {
        if (string.IsNullOrEmpty(token) || !TryReadAccount(token, out var account))
        {
            throw new AwsServiceException("InvalidToken", "Invalid Token: 'Invalid token'");
        }

        if (account != caller.AccountId)
        {
            throw new AwsServiceException("InvalidToken", $"Invalid Token: 'Provided task token does not belong to account {caller.AccountId}'");
        }

        if (_open.TryGetValue(token, out var pending))
        {
            return pending;
        }

        if (_closed.ContainsKey(token))
        {
            throw TimedOut();
        }

        throw new AwsServiceException("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'");
    }

    private static AwsServiceException TimedOut() =>
        new("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");

    private static bool TryReadAccount(string token, out string account)
    {
        account = string.Empty;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var raw = Encoding.UTF8.GetString(Convert.FromBase64String(token[Prefix.Length..]));
            var parts = raw.Split('|', 3);
            if (parts.Length != 3 || !AwsAccountId.IsValid(parts[0]))
            {
                return false;
            }

            account = parts[0];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
