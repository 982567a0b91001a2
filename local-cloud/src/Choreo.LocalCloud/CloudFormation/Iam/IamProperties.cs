using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary>Reads the resolved properties IAM resources share (names, paths, lists of names).</summary>
internal static class IamProperties
{
    public static IReadOnlyList<string> Names(JsonObject properties, string name) =>
        (properties[name] as JsonArray ?? []).Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null)
            .OfType<string>().ToList();

    public static string PathOf(JsonObject properties) => ResourceProperties.Text(properties, "Path") ?? "/";

    /// <summary>An IAM unique id: a four-letter prefix (AROA roles, ANPA managed policies) and 17 characters.</summary>
    public static string UniqueId(string prefix, ResourceRequest request) =>
        prefix + GeneratedPhysicalName.Suffix($"{prefix}/{request.Account.AccountId}/{request.StackName}/{request.LogicalId}", 17);
}
