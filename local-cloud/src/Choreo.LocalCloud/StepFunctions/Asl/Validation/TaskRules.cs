using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// Task state rules beyond field shapes: timeout and heartbeat ranges and their Path twins, Credentials, the shape of
/// Lambda function ARNs, and what Express machines cannot run (.sync, .waitForTaskToken, activities).
/// </summary>
public static partial class TaskRules
{
    /// <summary>AWS's largest TimeoutSeconds/HeartbeatSeconds (about three years).</summary>
    public const long MaxSeconds = 99999999;

    public static IEnumerable<DefinitionDiagnostic> Check(JsonObject state, string at, ValidationContext context)
    {
        if (!JsonText.TryGetString(state["Type"], out var type) || type != "Task")
        {
            return [];
        }

        var found = new List<DefinitionDiagnostic?>
        {
            FieldValues.IntegerIn(state, "TimeoutSeconds", 1, MaxSeconds, at),
            FieldValues.IntegerIn(state, "HeartbeatSeconds", 1, MaxSeconds, at),
            FieldValues.NotBoth(state, "TimeoutSeconds", "TimeoutSecondsPath", at),
            FieldValues.NotBoth(state, "HeartbeatSeconds", "HeartbeatSecondsPath", at),
        };
        found.AddRange(Credentials(state, at));
        if (JsonText.TryGetString(state["Resource"], out var resource))
        {
            found.Add(Resource(resource, $"{at}/Resource", context));
        }

        return found.OfType<DefinitionDiagnostic>();
    }

    private static IEnumerable<DefinitionDiagnostic?> Credentials(JsonObject state, string at)
    {
        if (!state.TryGetPropertyValue("Credentials", out var node))
        {
            yield break;
        }

        if (node is not JsonObject credentials)
        {
            yield return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "The value for the field 'Credentials' must be an OBJECT", $"{at}/Credentials");
            yield break;
        }

        var role = credentials.ContainsKey("RoleArn") ? "RoleArn" : credentials.ContainsKey("RoleArn.$") ? "RoleArn.$" : null;
        if (role is null)
        {
            yield return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "The field 'RoleArn' is required but was missing", $"{at}/Credentials");
        }
        else if (!JsonText.IsString(credentials[role]))
        {
            yield return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", $"The value for the field '{role}' must be a STRING", $"{at}/Credentials/{role}");
        }
    }

    private static DefinitionDiagnostic? Resource(string resource, string at, ValidationContext context)
    {
        var arn = Accounts.Arn.TryParse(resource, out var parsed) ? parsed : null;
        if (arn is { Service: "lambda" } && !LambdaFunctionArn().IsMatch(resource))
        {
            return DefinitionDiagnostic.Error(
                "SCHEMA_VALIDATION_FAILED",
                $"The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
                at);
        }

        if (!context.IsExpress)
        {
            return null;
        }

        if (arn is { Service: "states", ResourceParts: ["activity", ..] })
        {
            return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "Express state machine does not support Activity ARN", at);
        }

        if (resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
        {
            // AWS's text ends with a space before " at …".
            return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "Express state machine does not support '.waitForTaskToken' service integration ", at);
        }

        return resource.EndsWith(".sync", StringComparison.Ordinal) || resource.Contains(".sync:", StringComparison.Ordinal)
            ? DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "Express state machine does not support '.sync' service integration", at)
            : null;
    }

    // arn:partition:lambda:region:account:function:name[:version|alias|$LATEST]; the qualifier comes last, once.
    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[0-9]+|[A-Za-z0-9_-]{1,128}))?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex LambdaFunctionArn();
}
