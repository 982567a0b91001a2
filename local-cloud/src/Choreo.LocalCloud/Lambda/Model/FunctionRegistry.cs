using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.Lambda.Model;

/// <summary>The functions of every account and region, by ARN, with their async invoke settings.</summary>
public sealed class FunctionRegistry
{
    private readonly ConcurrentDictionary<string, LambdaFunction> _functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AsyncInvokeSettings> _settings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableList<FunctionPermission>> _permissions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<LambdaFunction> All => _functions.Values.ToList();

    public void Put(LambdaFunction function) => _functions[function.Arn] = function;

    public void Configure(string functionArn, AsyncInvokeSettings settings) => _settings[Unqualified(functionArn)] = settings;

    public AsyncInvokeSettings SettingsOf(string functionArn) =>
        _settings.TryGetValue(Unqualified(functionArn), out var settings) ? settings : new AsyncInvokeSettings();

    /// <summary>Adds a statement to the function's resource-based policy; a statement id already used is a conflict, as in Lambda.</summary>
    public void AddPermission(string functionArn, FunctionPermission permission)
    {
        var arn = Get(functionArn).Arn;
        _permissions.AddOrUpdate(arn, [permission], (_, existing) => existing.Any(p => p.StatementId == permission.StatementId)
            ? throw new AwsServiceException("ResourceConflictException", $"The statement id ({permission.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.", 409)
            : existing.Add(permission));
    }

    /// <summary>The function's resource-based policy document (GetPolicy's <c>Policy</c>), or null when it has no statement.</summary>
    public string? PolicyOf(string functionArn)
    {
        var arn = Unqualified(functionArn);
        if (!_permissions.TryGetValue(arn, out var permissions) || permissions.Count == 0)
        {
            return null;
        }
        return new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Id"] = "default",
            ["Statement"] = new JsonArray([.. permissions.Select(p => (JsonNode)p.ToStatement(arn))]),
        }.ToJsonString();
    }

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

    /// <summary>The function's ARN without a version or alias qualifier (<c>function:name:qualifier</c>).</summary>
    private static string Unqualified(string arn) =>
        Arn.TryParse(arn, out var parsed) && parsed.ResourceParts is [var type, var name, _, ..]
            ? (parsed with { Resource = $"{type}:{name}" }).ToString()
            : arn;
}
