using System.Collections.Concurrent;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.Lambda.Model;

/// <summary>The functions of every account and region, by ARN, with their async invoke settings.</summary>
public sealed class FunctionRegistry
{
    private readonly ConcurrentDictionary<string, LambdaFunction> _functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AsyncInvokeSettings> _settings = new(StringComparer.Ordinal);

    public IReadOnlyCollection<LambdaFunction> All => _functions.Values.ToList();

    public void Put(LambdaFunction function) => _functions[function.Arn] = function;

    public void Configure(string functionArn, AsyncInvokeSettings settings) => _settings[Unqualified(functionArn)] = settings;

    public AsyncInvokeSettings SettingsOf(string functionArn) =>
        _settings.TryGetValue(Unqualified(functionArn), out var settings) ? settings : new AsyncInvokeSettings();

    /// <summary>Finds a function by ARN (qualifiers <c>:$LATEST</c> or an alias are accepted and ignored).</summary>
    public LambdaFunction Get(string functionArn) =>
        _functions.TryGetValue(Unqualified(functionArn), out var function)
            ? function
            : throw new AwsServiceException("ResourceNotFoundException", $"Function not found: {functionArn}", 404);

    /// <summary>Finds a function by name or ARN within one account and region.</summary>
    public LambdaFunction Find(string accountId, string region, string nameOrArn) =>
        nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? Get(nameOrArn)
            : Get($"arn:aws:lambda:{region}:{accountId}:function:{nameOrArn}");

    private static string Unqualified(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length > 7 ? string.Join(':', parts[..7]) : arn;
    }
}
