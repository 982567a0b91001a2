namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// The rule for every regular expression that sees request data: it runs on the non-backtracking engine (linear in
/// the input) and under this time limit, so no request can hold a thread by crafting its input. A request whose
/// match times out is refused as bad input (400), never answered with a 500.
/// </summary>
public static class RequestRegex
{
    public const int TimeoutMilliseconds = 250;
}
