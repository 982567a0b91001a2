using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.StepFunctions.Api;

/// <summary>Step Functions ARNs: state machines, standard executions and express executions.</summary>
public static class StatesArn
{
    public static string StateMachine(AccountContext account, string name) => Arn.For("states", account, $"stateMachine:{name}").ToString();

    public static string Execution(AccountContext account, string machineName, string executionName, bool express) =>
        Arn.For("states", account, express ? $"express:{machineName}:{executionName}:{Guid.NewGuid()}" : $"execution:{machineName}:{executionName}").ToString();

    /// <summary>The account and region an ARN names, if it is a Step Functions ARN.</summary>
    public static bool TryReadAccount(string arn, out AccountContext account)
    {
        if (Arn.TryParse(arn, out var parsed) && parsed.Service == "states" && parsed.Resource.Contains(':', StringComparison.Ordinal) && parsed.Account.Length == 12)
        {
            account = parsed.Owner;
            return true;
        }

        account = new AccountContext(string.Empty, string.Empty);
        return false;
    }
}
