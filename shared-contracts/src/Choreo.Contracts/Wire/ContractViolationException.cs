namespace Choreo.Contracts.Wire;

/// <summary>
/// Input that does not fit the contract. <see cref="Field"/> names the offending field as a JSON path
/// (<c>detail.TaskToken</c>), so the message tells a person exactly what to fix.
/// </summary>
public sealed class ContractViolationException(string field, string problem, Exception? inner = null)
    : Exception($"Contract.Invalid: {field}: {problem}", inner)
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
