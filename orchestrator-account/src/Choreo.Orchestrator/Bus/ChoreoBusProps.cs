namespace Choreo.Orchestrator.Bus;

/// <summary>Which bus of the account the workflow uses, and whether this construct defines it.</summary>
public sealed record ChoreoBusProps
{
    public const string DefaultBusName = "default";

    /// <summary><c>default</c> is the account's default bus (it always exists); any other name is a custom bus.</summary>
    public string BusName { get; init; } = DefaultBusName;

    /// <summary>
    /// True only in the stack that owns a custom bus (the access stack): it creates the bus there. Everywhere
    /// else the bus is imported by name, so stacks share it without cross-stack exports.
    /// </summary>
    public bool DefinesBus { get; init; }
}
