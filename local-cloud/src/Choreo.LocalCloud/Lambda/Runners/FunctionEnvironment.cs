using Choreo.LocalCloud.Lambda.Model;

namespace Choreo.LocalCloud.Lambda.Runners;

/// <summary>
/// The environment a function sees, as Lambda sets it: the template's variables, then Lambda's reserved
/// ones, the function account's credentials, and <c>AWS_ENDPOINT_URL</c> pointing at local-cloud.
/// </summary>
public static class FunctionEnvironment
{
    public static IReadOnlyDictionary<string, string> For(LambdaFunction function, Uri endpoint, string secretAccessKey)
    {
        var environment = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal)
        {
            ["_HANDLER"] = function.Handler,
            ["AWS_REGION"] = function.Account.Region,
            ["AWS_DEFAULT_REGION"] = function.Account.Region,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.Name,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.Name}",
            ["AWS_EXECUTION_ENV"] = $"AWS_Lambda_{function.Runtime}",
            ["AWS_ACCESS_KEY_ID"] = function.Account.AccountId,
            ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
            ["AWS_ENDPOINT_URL"] = endpoint.ToString().TrimEnd('/'),
        };
        if (function.CodeDirectory is not null)
        {
            environment["LAMBDA_TASK_ROOT"] = function.CodeDirectory;
        }
        return environment;
    }
}
