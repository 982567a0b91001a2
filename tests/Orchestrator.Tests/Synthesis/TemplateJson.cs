using System.Text.Json.Nodes;

namespace Orchestrator.Tests.Synthesis;

/// <summary>
/// Reads a synthesized CloudFormation template: resources by type, and values with <c>Fn::Join</c> resolved.
/// Pseudo parameters become concrete values (so ARNs look like AWS's); other Refs become <c>${LogicalId}</c>.
/// </summary>
public sealed class TemplateJson(JsonObject template, string account, string region)
{
    public JsonObject Root => template;

    public IEnumerable<(string LogicalId, JsonObject Resource)> Resources(string type) =>
        template["Resources"]!.AsObject()
            .Where(p => p.Value!["Type"]!.GetValue<string>() == type)
            .Select(p => (p.Key, p.Value!.AsObject()));

    public JsonObject Resource(string logicalId) => template["Resources"]![logicalId]!.AsObject();

    public JsonObject Properties(string logicalId) => Resource(logicalId)["Properties"]!.AsObject();

    /// <summary>The one resource of <paramref name="type"/> matching <paramref name="predicate"/>.</summary>
    public (string LogicalId, JsonObject Properties) Single(string type, Func<JsonObject, bool> predicate)
    {
        var matches = Resources(type).Where(r => predicate(r.Resource["Properties"]!.AsObject())).ToList();
        Assert.True(matches.Count == 1, $"expected one {type} that matches, found {matches.Count}");
        return (matches[0].LogicalId, matches[0].Resource["Properties"]!.AsObject());
    }

    /// <summary>Resolves a value to a string: a literal, a Fn::Join of literals and Refs, a Ref or a GetAtt.</summary>
    public string Text(JsonNode? node) => node switch
    {
        JsonValue value => value.ToString(),
        JsonObject o when o["Fn::Join"] is JsonArray join =>
            string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(Text)),
        JsonObject o when o["Ref"] is JsonValue reference => Ref(reference.GetValue<string>()),
        JsonObject o when o["Fn::GetAtt"] is JsonArray getAtt => $"${{{getAtt[0]}.{getAtt[1]}}}",
        null => throw new InvalidOperationException("expected a value, found nothing"),
        _ => throw new InvalidOperationException($"cannot resolve {node.ToJsonString()}"),
    };

    /// <summary>The state machine's definition, parsed.</summary>
    public JsonObject Definition(string stateMachineLogicalId) =>
        JsonNode.Parse(Text(Properties(stateMachineLogicalId)["DefinitionString"]))!.AsObject();

    /// <summary>Every state of a definition, those inside Map item processors included.</summary>
    public static IEnumerable<(string Name, JsonObject State)> AllStates(JsonObject definition)
    {
        foreach (var (name, node) in definition["States"]!.AsObject())
        {
            var state = node!.AsObject();
            yield return (name, state);
            if ((state["ItemProcessor"] ?? state["Iterator"]) is JsonObject inner)
            {
                foreach (var nested in AllStates(inner))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Every IAM statement of the template: roles' inline policies, policies, queue and bus policies.</summary>
    public IEnumerable<(string Owner, JsonObject Statement)> PolicyStatements()
    {
        foreach (var (id, resource) in template["Resources"]!.AsObject().Select(p => (p.Key, p.Value!.AsObject())))
        {
            var properties = resource["Properties"] as JsonObject;
            var documents = new List<JsonNode?>();
            switch (resource["Type"]!.GetValue<string>())
            {
                case "AWS::IAM::Role":
                    documents.AddRange((properties?["Policies"] as JsonArray ?? []).Select(p => p!["PolicyDocument"]));
                    break;
                case "AWS::IAM::Policy":
                case "AWS::SQS::QueuePolicy":
                    documents.Add(properties!["PolicyDocument"]);
                    break;
                case "AWS::Events::EventBusPolicy":
                    yield return (id, properties!["Statement"]!.AsObject());
                    break;
            }
            foreach (var statement in documents.SelectMany(d => d!["Statement"]!.AsArray()))
            {
                yield return (id, statement!.AsObject());
            }
        }
    }

    /// <summary>A statement's Action or Resource as a list of strings.</summary>
    public IReadOnlyList<string> List(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).ToList() : node is null ? [] : [Text(node)];

    private string Ref(string name) => name switch
    {
        "AWS::Partition" => "aws",
        "AWS::Region" => region,
        "AWS::AccountId" => account,
        "AWS::URLSuffix" => "amazonaws.com",
        _ => $"${{{name}}}",
    };

    public override string ToString() => template.ToJsonString();
}
