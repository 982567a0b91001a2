namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>A thread-safe record of things in the order they happened; readers get a snapshot.</summary>
public abstract class AppendOnlyLog<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _gate = new();

    public void Append(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return _items.ToList();
        }
    }

    protected IReadOnlyList<T> Where(Func<T, bool> predicate)
    {
        lock (_gate)
        {
            return _items.Where(predicate).ToList();
        }
    }
}
