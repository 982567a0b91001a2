namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>The ten DynamoDB data types, named as their wire keys (<c>{"S": "..."}</c>, <c>{"NS": [...]}</c>…).</summary>
public enum AttributeType
{
    S,
    N,
    B,
    BOOL,
    NULL,
    M,
    L,
    SS,
    NS,
    BS,
}
