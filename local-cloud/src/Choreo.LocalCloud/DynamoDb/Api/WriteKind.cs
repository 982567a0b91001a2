namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>What a single-item write does: the kinds of PutItem/UpdateItem/DeleteItem and of TransactWriteItems' entries.</summary>
public enum WriteKind
{
    Put,
    Update,
    Delete,
    ConditionCheck,
}
