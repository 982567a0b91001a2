namespace Choreo.Orchestrator.Bus;

/// <summary>Which bus of the account the workflow uses.</summary>
/// <param name="BusName">
/// <c>default</c> imports the account's default bus (it always exists); any other name creates that bus here.
/// </param>
public sealed record ChoreoBusProps(string BusName = ChoreoBusProps.DefaultBusName)
{
    public const string DefaultBusName = "default";
}
