using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>
/// The tables of one account in one region. <see cref="Gate"/> serializes every read and write of them, which makes
/// conditional writes and transactions across tables atomic.
/// </summary>
public sealed class RegionTables
{
    private readonly Dictionary<string, TableData> _tables = new(StringComparer.Ordinal);

    public Lock Gate { get; } = new();

    /// <summary>A table for a data-plane call, whose ResourceNotFoundException does not name the table. Callers hold <see cref="Gate"/>.</summary>
    public TableData Get(string name) => _tables.GetValueOrDefault(name) ?? throw DynamoDbErrors.ResourceNotFound();

    /// <summary>A table for DescribeTable/DeleteTable, whose ResourceNotFoundException names it. Callers hold <see cref="Gate"/>.</summary>
    public TableData GetNamed(string name) => _tables.GetValueOrDefault(name) ?? throw DynamoDbErrors.TableNotFound(name);

    /// <summary>Callers hold <see cref="Gate"/>.</summary>
    public TableData? Find(string name) => _tables.GetValueOrDefault(name);

    /// <summary>Callers hold <see cref="Gate"/>.</summary>
    public void Add(TableData table)
    {
        if (!_tables.TryAdd(table.Definition.Name, table))
        {
            throw DynamoDbErrors.TableInUse(table.Definition.Name);
        }
    }

    /// <summary>Callers hold <see cref="Gate"/>.</summary>
    public TableData Remove(string name)
    {
        var table = GetNamed(name);
        _tables.Remove(name);
        return table;
    }

    /// <summary>Callers hold <see cref="Gate"/>.</summary>
    public IReadOnlyList<string> Names() => _tables.Keys.Order(StringComparer.Ordinal).ToList();
}
