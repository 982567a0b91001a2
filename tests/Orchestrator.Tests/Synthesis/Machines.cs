using System.Text.Json.Nodes;

namespace Orchestrator.Tests.Synthesis;

/// <summary>Finds the two state machines of a synthesized orchestrator template.</summary>
public static class Machines
{
    public static (string LogicalId, JsonObject Definition) MainMachine(TemplateJson template) => Of(template, "STANDARD");

    public static (string LogicalId, JsonObject Definition) FinisherMachine(TemplateJson template) => Of(template, "EXPRESS");

    private static (string, JsonObject) Of(TemplateJson template, string type)
    {
        var (id, _) = template.Single("AWS::StepFunctions::StateMachine", p => p["StateMachineType"]?.GetValue<string>() == type);
        return (id, template.Definition(id));
    }
}
