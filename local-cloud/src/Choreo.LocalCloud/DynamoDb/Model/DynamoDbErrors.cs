using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>DynamoDB's error codes, in the <c>com.amazonaws.dynamodb.v20120810#</c> namespace the SDKs read them from.</summary>
public static class DynamoDbErrors
{
    private const string Namespace = "com.amazonaws.dynamodb.v20120810#";

    public static AwsServiceException Validation(string message) => new($"{Namespace}ValidationException", message);

    public static AwsServiceException InvalidParameters(string detail) =>
        Validation($"One or more parameter values were invalid: {detail}");

    public static AwsServiceException ConditionalCheckFailed() =>
        new($"{Namespace}ConditionalCheckFailedException", "The conditional request failed");

    public static AwsServiceException TableNotFound(string? table = null) =>
        new($"{Namespace}ResourceNotFoundException",
            table is null ? "Requested resource not found" : $"Requested resource not found: Table: {table} not found");

    public static AwsServiceException ResourceNotFound() => new($"{Namespace}ResourceNotFoundException", "Requested resource not found");

    public static AwsServiceException TableInUse(string table) =>
        new($"{Namespace}ResourceInUseException", $"Table already exists: {table}");

    public static AwsServiceException UnknownOperation(string operation) =>
        new($"{Namespace}UnknownOperationException", $"local-cloud's DynamoDB does not support the operation {operation}.");

    public static AwsServiceException TransactionCanceled(string message) =>
        new($"{Namespace}TransactionCanceledException", message);

    public static AwsServiceException KeySchemaMismatch() => Validation("The provided key element does not match the schema");

    public static AwsServiceException SerializationFailure(string message) =>
        new($"{Namespace}SerializationException", message);
}
