using System.Text.Json.Serialization;

namespace Choreo.Worker.Functions.People;

/// <summary>The article's report, <c>0-cookies.json</c>.</summary>
public sealed record CookieReport(
    [property: JsonPropertyName("names")] IReadOnlyList<string> Names,
    [property: JsonPropertyName("numberOfPeople")] int NumberOfPeople,
    [property: JsonPropertyName("totalCookiesConsumed")] int TotalCookiesConsumed);
