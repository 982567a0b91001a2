using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>How Retry and Catch match error names, with the States.* wildcards' exceptions.</summary>
public static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        // States.Runtime is never retried nor caught; States.DataLimitExceeded escapes States.ALL.
        if (error == StatesErrorNames.Runtime)
        {
            return false;
        }

        foreach (var name in errorEquals)
        {
            if (name == error)
            {
                return true;
            }

            if (name == StatesErrorNames.All && error != StatesErrorNames.DataLimitExceeded)
            {
                return true;
            }

            if (name == StatesErrorNames.TaskFailed && error != StatesErrorNames.Timeout &&
                error != StatesErrorNames.DataLimitExceeded)
            {
                return true;
            }
        }

        return false;
    }
}
