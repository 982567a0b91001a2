using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Assembly;

namespace Choreo.LocalCloud.CloudFormation.Deployment;

/// <summary>
/// One stack to deploy: its name, template, the account and region to deploy into (local runs override the
/// manifest environment), the assembly directory asset paths are relative to, and the stack's asset manifest.
/// </summary>
public sealed record StackDeployment(
    string StackName,
    JsonObject Template,
    AccountContext Target,
    string AssemblyDirectory,
    AssetManifest? Assets = null,
    DeployOptions? Options = null);
