namespace Choreo.LocalCloud.Auth;

/// <summary>A request's query string as decoded name/value pairs, in the order sent.</summary>
public sealed class QueryParameters
{
    private QueryParameters(IReadOnlyList<KeyValuePair<string, string>> pairs) => Pairs = pairs;

    public static QueryParameters Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>Parses a raw query string (with or without the leading '?').</summary>
    public static QueryParameters Parse(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery) || rawQuery == "?")
        {
            return Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(UriEncoding.Decode(name), UriEncoding.Decode(value)));
        }

        return new QueryParameters(pairs);
    }

    public bool Contains(string name) => Pairs.Any(p => p.Key == name);

    public string? Get(string name)
    {
        foreach (var pair in Pairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }
}
