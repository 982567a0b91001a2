namespace Choreo.LocalCloud.StepFunctions.Integrations;

/// <summary>
/// A Task's Resource ARN, split the way history events report it: <c>arn:aws:states:::events:putEvents.waitForTaskToken</c>
/// is resource type <c>events</c>, resource <c>putEvents.waitForTaskToken</c>; a Lambda ARN is type <c>lambda</c>.
/// </summary>
public sealed record TaskResource(string Arn, string ResourceType, string Resource, string Service, string Action, IntegrationPattern Pattern)
{
    private const string IntegrationPrefix = "arn:aws:states:::";

    public static TaskResource Parse(string arn)
    {
        if (arn.StartsWith(IntegrationPrefix, StringComparison.Ordinal))
        {
            var rest = arn[IntegrationPrefix.Length..];
            var lastColon = rest.LastIndexOf(':');
            var service = lastColon < 0 ? rest : rest[..lastColon];
            var resource = lastColon < 0 ? string.Empty : rest[(lastColon + 1)..];
            var pattern = IntegrationPattern.RequestResponse;
            var action = resource;
            if (resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
            {
                pattern = IntegrationPattern.WaitForTaskToken;
                action = resource[..^".waitForTaskToken".Length];
            }
            else if (resource.EndsWith(".sync:2", StringComparison.Ordinal) || resource.EndsWith(".sync", StringComparison.Ordinal))
            {
                pattern = IntegrationPattern.Sync;
                action = resource[..resource.IndexOf(".sync", StringComparison.Ordinal)];
            }

            return new TaskResource(arn, service, resource, service, action, pattern);
        }

        var parsed = Accounts.Arn.TryParse(arn, out var read) ? read : null;
        if (parsed is { Service: "lambda", ResourceParts: ["function", _, ..] })
        {
            return new TaskResource(arn, "lambda", arn, "lambda", "function", IntegrationPattern.RequestResponse);
        }

        if (parsed is { Service: "states", ResourceParts: ["activity", _, ..] })
        {
            return new TaskResource(arn, "activity", arn, "activity", "activity", IntegrationPattern.RequestResponse);
        }

        return new TaskResource(arn, "unknown", arn, "unknown", "unknown", IntegrationPattern.RequestResponse);
    }
}
