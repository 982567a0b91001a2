using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.StepFunctions.Api;

/// <summary>Step Functions ARNs: state machines, standard executions and express executions.</summary>
public static class StatesArn
{
    public static string StateMachine(AccountContext account, string name) =>
        $"arn:aws:states:{account.Region}:{account.AccountId}:stateMachine:{name}";

    public static string Execution(AccountContext account, string machineName, string executionName, bool express) =>
        express
            ? $"arn:aws:states:{account.Region}:{account.AccountId}:express:{machineName}:{executionName}:{Guid.NewGuid()}"
            : $"arn:aws:states:{account.Region}:{account.AccountId}:execution:{machineName}:{executionName}";

    /// <summary>The account and region an ARN names, if it is a Step Functions ARN.</summary>
    public static bool TryReadAccount(string arn, out AccountContext account)
    {
        var parts = arn.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "states" && parts[4].Length == 12)
        {
            account = new AccountContext(parts[4], parts[3]);
            return true;
        }

        account = new AccountContext(string.Empty, string.Empty);
        return false;
    }
}
