using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.CloudFormation.Resources;

/// <summary>
/// A resource to create: its logical id, resolved properties, the account and region of the stack, and
/// the directory of the cloud assembly (asset paths in properties are relative to it).
/// </summary>
public sealed record ResourceRequest(
    AccountContext Account,
    string StackName,
    string LogicalId,
    JsonObject Properties,
    string AssemblyDirectory,
    IReadOnlyDictionary<string, JsonNode?> Metadata);
