using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Intrinsics;

/// <summary>
/// What an intrinsic function can look up while a stack is evaluated: parameters, pseudo parameters and
/// resources (Ref), resource attributes (Fn::GetAtt), conditions (Fn::If) and exports (Fn::ImportValue).
/// Every method receives the template location of the reference so errors can name it.
/// </summary>
public interface IReferenceScope
{
    /// <summary>The region Fn::GetAZs uses when its argument is empty.</summary>
    string Region { get; }

    JsonNode ResolveRef(string name, string location);

    JsonNode ResolveGetAtt(string logicalId, string attribute, string location);

    bool IsConditionTrue(string conditionName, string location);

    string ImportValue(string exportName, string location);
}
