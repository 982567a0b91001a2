namespace Choreo.LocalCloud.CloudFormation.Templates;

/// <summary>
/// Orders resources so each comes after everything it depends on; among resources that are ready at the
/// same time, template order is kept, so deploys are repeatable. A cycle is reported with its members.
/// </summary>
public static class ResourceOrder
{
    public static IReadOnlyList<string> Sort(IReadOnlyList<string> logicalIds, IReadOnlyDictionary<string, IReadOnlySet<string>> dependencies)
    {
        var remaining = new List<string>(logicalIds);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>(logicalIds.Count);
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(id =>
                !dependencies.TryGetValue(id, out var deps) || deps.All(done.Contains));
            if (next is null)
            {
                throw new TemplateException(
                    $"Template format error: circular dependency between resources: [{string.Join(", ", remaining.Where(id => InCycle(id, dependencies, done)))}]");
            }

            remaining.Remove(next);
            done.Add(next);
            order.Add(next);
        }

        return order;
    }

    // Resources only blocked by a cycle are not part of it; name only those that reach themselves.
    private static bool InCycle(string start, IReadOnlyDictionary<string, IReadOnlySet<string>> dependencies, HashSet<string> done)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(dependencies.GetValueOrDefault(start) ?? new HashSet<string>());
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (id == start)
            {
                return true;
            }

            if (done.Contains(id) || !seen.Add(id))
            {
                continue;
            }

            foreach (var dep in dependencies.GetValueOrDefault(id) ?? new HashSet<string>())
            {
                stack.Push(dep);
            }
        }

        return false;
    }
}
