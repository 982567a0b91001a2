namespace Choreo.LocalCloud.EventBridge.Patterns.Matching;

/// <summary>
/// Which element of which event array a value came from. Values matched for different fields of one
/// pattern must agree on every array they share, so that fields of two different array elements
/// cannot combine into a match.
/// </summary>
internal sealed class ArrayMembership
{
    public static readonly ArrayMembership None = new([]);

    private readonly (int ArrayId, int Index)[] _elements;

    private ArrayMembership((int ArrayId, int Index)[] elements)
    {
        _elements = elements;
    }

    public bool IsEmpty => _elements.Length == 0;

    public ArrayMembership Within(int arrayId, int index) => new([.. _elements, (arrayId, index)]);

    public bool IsCompatibleWith(ArrayMembership other)
    {
        foreach (var (arrayId, index) in _elements)
        {
            foreach (var (otherId, otherIndex) in other._elements)
            {
                if (arrayId == otherId && index != otherIndex)
                {
                    return false;
                }
            }
        }
        return true;
    }

    public ArrayMembership Union(ArrayMembership other)
    {
        if (other.IsEmpty)
        {
            return this;
        }
        if (IsEmpty)
        {
            return other;
        }
        var merged = new List<(int, int)>(_elements);
        foreach (var element in other._elements)
        {
            if (!merged.Contains(element))
            {
                merged.Add(element);
            }
        }
        return new ArrayMembership([.. merged]);
    }
}
