using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>Reads, writes and removes values at document paths of an item; values are immutable, so writes rebuild the path.</summary>
public static class DocumentPaths
{
    public static AttributeValue? Get(IReadOnlyDictionary<string, AttributeValue>? item, AttributePath path)
    {
        if (item is null || !item.TryGetValue(path.TopName, out var current))
        {
            return null;
        }
        for (var i = 1; i < path.Elements.Count; i++)
        {
            var element = path.Elements[i];
            if (element.Name is { } name)
            {
                if (current.Type != AttributeType.M || !current.AsMap.TryGetValue(name, out current))
                {
                    return null;
                }
            }
            else if (current.Type != AttributeType.L || element.Index >= current.AsList.Count)
            {
                return null;
            }
            else
            {
                current = current.AsList[element.Index];
            }
        }
        return current;
    }

    /// <summary>Sets the value at <paramref name="path"/>; its parent must exist (a list index past the end appends).</summary>
    public static void Set(Dictionary<string, AttributeValue> item, AttributePath path, AttributeValue value)
    {
        if (path.Elements.Count == 1)
        {
            item[path.TopName] = value;
            return;
        }
        if (!item.TryGetValue(path.TopName, out var top))
        {
            throw InvalidPath();
        }
        item[path.TopName] = SetIn(top, path.Elements, 1, value);
    }

    public static void Remove(Dictionary<string, AttributeValue> item, AttributePath path)
    {
        if (path.Elements.Count == 1)
        {
            item.Remove(path.TopName);
            return;
        }
        if (item.TryGetValue(path.TopName, out var top) && RemoveIn(top, path.Elements, 1) is { } changed)
        {
            item[path.TopName] = changed;
        }
    }

    /// <summary>Copies the values at <paramref name="paths"/> into a new item of the same shape (ProjectionExpression).</summary>
    public static Dictionary<string, AttributeValue> Project(IReadOnlyDictionary<string, AttributeValue> item, IReadOnlyList<AttributePath> paths)
    {
        var projected = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Get(item, path) is not { } value)
            {
                continue;
            }
            if (path.Elements.Count == 1)
            {
                projected[path.TopName] = value;
                continue;
            }
            projected[path.TopName] = Merge(projected.GetValueOrDefault(path.TopName), path.Elements, 1, value);
        }
        return projected;
    }

    private static AttributeValue Merge(AttributeValue? existing, IReadOnlyList<PathElement> elements, int at, AttributeValue value)
    {
        if (at == elements.Count)
        {
            return value;
        }
        var element = elements[at];
        if (element.Name is { } name)
        {
            var map = existing?.Type == AttributeType.M
                ? new Dictionary<string, AttributeValue>(existing.AsMap, StringComparer.Ordinal)
                : new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            map[name] = Merge(map.GetValueOrDefault(name), elements, at + 1, value);
            return AttributeValue.Map(map);
        }
        // Projected list elements are packed together in the order the paths name them, as DynamoDB returns them.
        var list = existing?.Type == AttributeType.L ? existing.AsList.ToList() : [];
        list.Add(Merge(null, elements, at + 1, value));
        return AttributeValue.List(list);
    }

    private static AttributeValue SetIn(AttributeValue container, IReadOnlyList<PathElement> elements, int at, AttributeValue value)
    {
        var element = elements[at];
        var last = at == elements.Count - 1;
        if (element.Name is { } name)
        {
            if (container.Type != AttributeType.M)
            {
                throw InvalidPath();
            }
            var map = new Dictionary<string, AttributeValue>(container.AsMap, StringComparer.Ordinal);
            if (last)
            {
                map[name] = value;
            }
            else
            {
                map[name] = SetIn(map.TryGetValue(name, out var child) ? child : throw InvalidPath(), elements, at + 1, value);
            }
            return AttributeValue.Map(map);
        }
        if (container.Type != AttributeType.L)
        {
            throw InvalidPath();
        }
        var list = container.AsList.ToList();
        if (last)
        {
            if (element.Index >= list.Count)
            {
                list.Add(value);
            }
            else
            {
                list[element.Index] = value;
            }
        }
        else
        {
            list[element.Index] = SetIn(element.Index < list.Count ? list[element.Index] : throw InvalidPath(), elements, at + 1, value);
        }
        return AttributeValue.List(list);
    }

    private static AttributeValue? RemoveIn(AttributeValue container, IReadOnlyList<PathElement> elements, int at)
    {
        var element = elements[at];
        var last = at == elements.Count - 1;
        if (element.Name is { } name)
        {
            if (container.Type != AttributeType.M || !container.AsMap.TryGetValue(name, out var child))
            {
                return null;
            }
            var map = new Dictionary<string, AttributeValue>(container.AsMap, StringComparer.Ordinal);
            if (last)
            {
                map.Remove(name);
            }
            else if (RemoveIn(child, elements, at + 1) is { } changed)
            {
                map[name] = changed;
            }
            else
            {
                return null;
            }
            return AttributeValue.Map(map);
        }
        if (container.Type != AttributeType.L || element.Index >= container.AsList.Count)
        {
            return null;
        }
        var list = container.AsList.ToList();
        if (last)
        {
            list.RemoveAt(element.Index);
        }
        else if (RemoveIn(list[element.Index], elements, at + 1) is { } changed)
        {
            list[element.Index] = changed;
        }
        else
        {
            return null;
        }
        return AttributeValue.List(list);
    }

    internal static Hosting.AwsServiceException InvalidPath() =>
        DynamoDbErrors.Validation("The document path provided in the update expression is invalid for update");
}
