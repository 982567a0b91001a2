namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>A document path such as <c>address.lines[0]</c>, with placeholders already replaced by names.</summary>
public sealed record AttributePath(IReadOnlyList<PathElement> Elements)
{
    public string TopName => Elements[0].Name!;

    public override string ToString() =>
        string.Concat(Elements.Select((element, i) => element.Name is null ? element.ToString() : i == 0 ? element.Name : "." + element.Name));

    /// <summary>True when one path is the other or lies inside it (AWS refuses such pairs in one update).</summary>
    public bool Overlaps(AttributePath other)
    {
        var shared = Math.Min(Elements.Count, other.Elements.Count);
        for (var i = 0; i < shared; i++)
        {
            if (Elements[i] != other.Elements[i])
            {
                return false;
            }
        }
        return true;
    }
}
