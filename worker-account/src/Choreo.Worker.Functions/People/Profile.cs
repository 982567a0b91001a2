using System.Text.Json.Serialization;

namespace Choreo.Worker.Functions.People;

/// <summary>A person's profile file: basic (name, company, city), final adds the cookies.</summary>
public sealed record Profile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("company")] string Company,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("numberOfCookiesConsumed")] int? NumberOfCookiesConsumed = null);
