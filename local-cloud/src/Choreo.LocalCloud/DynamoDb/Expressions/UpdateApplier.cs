using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>
/// Applies an update expression's actions to a copy of an item. Every operand is read from the item as it was
/// before the update, as DynamoDB does.
/// </summary>
public static class UpdateApplier
{
    public static Dictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue> before, IReadOnlyList<UpdateAction> actions)
    {
        var after = new Dictionary<string, AttributeValue>(before, StringComparer.Ordinal);
        foreach (var action in actions)
        {
            switch (action.Kind)
            {
                case UpdateActionKind.Set:
                    DocumentPaths.Set(after, action.Path, Value(action.Value!, before));
                    break;
                case UpdateActionKind.Remove:
                    DocumentPaths.Remove(after, action.Path);
                    break;
                case UpdateActionKind.Add:
                    Add(after, action.Path, DocumentPaths.Get(before, action.Path), ((ValueOperand)action.Value!).Value);
                    break;
                default:
                    Delete(after, action.Path, DocumentPaths.Get(before, action.Path), ((ValueOperand)action.Value!).Value);
                    break;
            }
        }
        return after;
    }

    private static AttributeValue Value(Operand operand, IReadOnlyDictionary<string, AttributeValue> item)
    {
        switch (operand)
        {
            case IfNotExistsOperand ifNotExists:
                return DocumentPaths.Get(item, ifNotExists.Path) ?? Value(ifNotExists.Fallback, item);
            case ListAppendOperand append:
                var first = Value(append.First, item);
                var second = Value(append.Second, item);
                if (first.Type != AttributeType.L || second.Type != AttributeType.L)
                {
                    throw WrongType();
                }
                return AttributeValue.List([.. first.AsList, .. second.AsList]);
            case ArithmeticOperand arithmetic:
                var left = Value(arithmetic.Left, item);
                var right = Value(arithmetic.Right, item);
                if (left.Type != AttributeType.N || right.Type != AttributeType.N)
                {
                    throw WrongType();
                }
                return AttributeValue.Number(arithmetic.Add ? left.AsNumber + right.AsNumber : left.AsNumber - right.AsNumber);
            case PathOperand path:
                return DocumentPaths.Get(item, path.Path)
                    ?? throw DynamoDbErrors.Validation("The provided expression refers to an attribute that does not exist in the item");
            default:
                return ConditionEvaluator.Operand(operand, item)!;
        }
    }

    private static void Add(Dictionary<string, AttributeValue> item, AttributePath path, AttributeValue? current, AttributeValue value)
    {
        if (current is null)
        {
            DocumentPaths.Set(item, path, value);
            return;
        }
        if (current.Type == AttributeType.N && value.Type == AttributeType.N)
        {
            DocumentPaths.Set(item, path, AttributeValue.Number(current.AsNumber + value.AsNumber));
            return;
        }
        if (current.Type != value.Type || !current.IsSet)
        {
            throw WrongType();
        }
        DocumentPaths.Set(item, path, AttributeValue.SetOf(current.Type, current.SetMembers.Union(value.SetMembers)));
    }

    private static void Delete(Dictionary<string, AttributeValue> item, AttributePath path, AttributeValue? current, AttributeValue value)
    {
        if (current is null)
        {
            return;
        }
        if (current.Type != value.Type)
        {
            throw WrongType();
        }
        var remaining = current.SetMembers.Except(value.SetMembers).ToList();
        if (remaining.Count == 0)
        {
            DocumentPaths.Remove(item, path);
        }
        else
        {
            DocumentPaths.Set(item, path, AttributeValue.SetOf(current.Type, remaining));
        }
    }

    private static Hosting.AwsServiceException WrongType() =>
        DynamoDbErrors.Validation("An operand in the update expression has an incorrect data type");
}
