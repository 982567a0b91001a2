using System.Text.Json.Nodes;

namespace Choreo.Cli.Run;

/// <summary>
/// The report of one run, read from the worker bucket, checked against the per-person files it sums:
/// the same names in the same order (duplicates kept), one final file per Map item, the right total.
/// </summary>
public sealed record CookieReportCheck(
    string ReportKey,
    IReadOnlyList<string> Names,
    int NumberOfPeople,
    int TotalCookiesConsumed,
    IReadOnlyList<PersonResult> People,
    IReadOnlyList<string> Problems)
{
    public bool Agrees => Problems.Count == 0;

    public static CookieReportCheck Read(Func<string, string?> readObject, string execution)
    {
        var reportKey = $"{execution}/0-cookies.json";
        var problems = new List<string>();
        var report = Parse(readObject(reportKey), reportKey, problems);
        var names = (report?["names"] as JsonArray)?.Select(n => n?.ToString() ?? string.Empty).ToList() ?? [];
        var numberOfPeople = report?["numberOfPeople"]?.GetValue<int>() ?? -1;
        var total = report?["totalCookiesConsumed"]?.GetValue<int>() ?? -1;
        var people = new List<PersonResult>();
        for (var index = 0; index < names.Count; index++)
        {
            var key = $"{execution}/final-{index}.json";
            var final = Parse(readObject(key), key, problems);
            if (final is null)
            {
                continue;
            }
            var name = final["name"]?.ToString() ?? string.Empty;
            if (name != names[index])
            {
                problems.Add($"{key} is about '{name}' but the report lists '{names[index]}' at item {index}");
            }
            people.Add(new PersonResult(index, name, final["numberOfCookiesConsumed"]?.GetValue<int>() ?? 0, key));
        }
        if (report is not null && numberOfPeople != names.Count)
        {
            problems.Add($"numberOfPeople is {numberOfPeople} but the report names {names.Count} people");
        }
        if (report is not null && people.Count == names.Count && total != people.Sum(p => p.Cookies))
        {
            problems.Add($"totalCookiesConsumed is {total} but the final files add up to {people.Sum(p => p.Cookies)}");
        }
        return new CookieReportCheck(reportKey, names, numberOfPeople, total, people, problems);
    }

    private static JsonNode? Parse(string? json, string key, List<string> problems)
    {
        if (json is null)
        {
            problems.Add($"{key} is missing from the worker bucket");
            return null;
        }
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            problems.Add($"{key} is not valid JSON ({e.Message})");
            return null;
        }
    }
}
