using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>The ValidationException texts DynamoDB answers for bad expressions (<c>Invalid ConditionExpression: …</c>).</summary>
public static class ExpressionErrors
{
    public static AwsServiceException Syntax(string kind, string near, int position) =>
        DynamoDbErrors.Validation($"Invalid {kind}: Syntax error; token: \"{near}\", near: \"{near}\" at position {position}");

    public static AwsServiceException InvalidCharacter(string kind, char c, int position) =>
        DynamoDbErrors.Validation($"Invalid {kind}: Invalid character \"{c}\" at position {position}");

    public static AwsServiceException Invalid(string kind, string detail) =>
        DynamoDbErrors.Validation($"Invalid {kind}: {detail}");

    public static AwsServiceException UndefinedName(string kind, string name) =>
        Invalid(kind, $"An expression attribute name used in the document path is not defined; attribute name: {name}");

    public static AwsServiceException UndefinedValue(string kind, string name) =>
        Invalid(kind, $"An expression attribute value used in expression is not defined; attribute value: {name}");

    public static AwsServiceException Reserved(string kind, string word) =>
        Invalid(kind, $"Attribute name is a reserved keyword; reserved keyword: {word}");

    public static AwsServiceException OperandType(string kind, string function, AttributeType type) =>
        Invalid(kind, $"Incorrect operand type for operator or function; operator or function: {function}, operand type: {type}");
}
