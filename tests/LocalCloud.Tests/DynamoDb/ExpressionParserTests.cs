using System.Text.Json.Nodes;
using Choreo.LocalCloud.DynamoDb.Expressions;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.DynamoDb;

public sealed class ExpressionParserTests
{
    private static ExpressionAttributes Attributes(string values = "{}", string names = "{}") =>
        new(JsonNode.Parse(names) is JsonObject { Count: > 0 } n ? n : null, JsonNode.Parse(values) is JsonObject { Count: > 0 } v ? v : null);

    private static Dictionary<string, AttributeValue> Item(string json) => AttributeValueJson.ReadItem(JsonNode.Parse(json), "Item");

    private static bool Holds(string condition, string item, string values = "{}", string names = "{}") =>
        ConditionEvaluator.Evaluate(ExpressionParser.ParseCondition(condition, Attributes(values, names), "ConditionExpression"), Item(item));

    [Fact]
    public void And_binds_tighter_than_or_and_not_tighter_than_and()
    {
        const string values = """{":t":{"BOOL":true},":f":{"BOOL":false}}""";
        const string item = """{"a":{"BOOL":true},"b":{"BOOL":false}}""";
        Assert.True(Holds("a = :t OR b = :t AND b = :t", item, values));
        Assert.False(Holds("(a = :t OR b = :t) AND b = :t", item, values));
        Assert.True(Holds("NOT b = :t AND a = :t", item, values));
    }

    [Fact]
    public void Comparisons_with_missing_attributes_are_false_except_not_equal()
    {
        const string values = """{":v":{"N":"1"}}""";
        Assert.False(Holds("missing = :v", "{}", values));
        Assert.False(Holds("missing < :v", "{}", values));
        Assert.True(Holds("missing <> :v", "{}", values));
    }

    [Fact]
    public void Numbers_compare_by_value_and_strings_by_bytes()
    {
        Assert.True(Holds("n > :v", """{"n":{"N":"10"}}""", """{":v":{"N":"9.99"}}"""));
        Assert.True(Holds("n = :v", """{"n":{"N":"1.0"}}""", """{":v":{"N":"1"}}"""));
        Assert.True(Holds("s < :v", """{"s":{"S":"Z"}}""", """{":v":{"S":"a"}}"""));
        Assert.True(Holds("s BETWEEN :lo AND :hi", """{"s":{"S":"m"}}""", """{":lo":{"S":"a"},":hi":{"S":"z"}}"""));
    }

    [Fact]
    public void Functions_read_nested_paths_sets_and_sizes()
    {
        const string item = """{"doc":{"M":{"tags":{"SS":["x","y"]},"entries":{"L":[{"S":"first"},{"N":"2"}]}}},"name":{"S":"Ada Lovelace"}}""";
        const string values = """{":x":{"S":"x"},":two":{"N":"2"},":ada":{"S":"Ada"},":ss":{"S":"SS"}}""";
        Assert.True(Holds("contains(doc.tags, :x) AND size(doc.entries) = :two AND doc.entries[1] = :two", item, values));
        Assert.True(Holds("begins_with(#n, :ada) AND attribute_type(doc.tags, :ss)", item, values, """{"#n":"name"}"""));
        Assert.True(Holds("attribute_exists(doc.entries[0]) AND attribute_not_exists(doc.entries[5])", item, "{}"));
    }

    [Fact]
    public void Syntax_errors_name_the_token_and_position()
    {
        var error = Assert.Throws<AwsServiceException>(() =>
            ExpressionParser.ParseCondition("a = = :v", Attributes("""{":v":{"S":"x"}}"""), "ConditionExpression"));
        Assert.Equal("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"=\" at position 4", error.Message);
    }

    [Fact]
    public void Update_expressions_refuse_overlapping_paths_and_repeated_sections()
    {
        var overlap = Assert.Throws<AwsServiceException>(() =>
            ExpressionParser.ParseUpdate("SET a = :v REMOVE a.b", Attributes("""{":v":{"S":"x"}}""")));
        Assert.Equal("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]", overlap.Message);

        var twice = Assert.Throws<AwsServiceException>(() =>
            ExpressionParser.ParseUpdate("SET a = :v SET b = :v", Attributes("""{":v":{"S":"x"}}""")));
        Assert.Equal("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;", twice.Message);
    }

    [Fact]
    public void Updates_apply_to_nested_documents_and_list_indexes()
    {
        var before = Item("""{"doc":{"M":{"entries":{"L":[{"S":"a"},{"S":"b"},{"S":"c"}]},"count":{"N":"1"}}}}""");
        var actions = ExpressionParser.ParseUpdate("SET doc.#c = doc.#c + :one, doc.entries[5] = :d REMOVE doc.entries[0]",
            Attributes("""{":one":{"N":"1"},":d":{"S":"d"}}""", """{"#c":"count"}"""));
        var after = UpdateApplier.Apply(before, actions);
        var doc = after["doc"].AsMap;
        Assert.Equal("2", doc["count"].AsNumber.ToString());
        Assert.Equal(["b", "c", "d"], doc["entries"].AsList.Select(v => v.AsString));
    }

    [Fact]
    public void Adding_past_38_significant_digits_is_refused()
    {
        var before = Item("""{"n":{"N":"99999999999999999999999999999999999999"}}""");
        var actions = ExpressionParser.ParseUpdate("ADD n :tenth", Attributes("""{":tenth":{"N":"0.1"}}"""));
        var error = Assert.Throws<AwsServiceException>(() => UpdateApplier.Apply(before, actions));
        Assert.Equal("Attempting to store more than 38 significant digits in a Number", error.Message);
    }

    [Fact]
    public void Key_conditions_reduce_to_partition_equality_and_one_sort_condition()
    {
        var schema = new KeySchema(new KeyAttribute("pk", AttributeType.S), new KeyAttribute("sk", AttributeType.N));
        var condition = KeyCondition.From(ExpressionParser.ParseCondition(":lo <= sk AND pk = :p",
            Attributes("""{":p":{"S":"x"},":lo":{"N":"5"}}"""), "KeyConditionExpression"), schema);
        Assert.Equal(">=", condition.SortOperator);
        Assert.True(condition.Matches(AttributeValue.Number(DynamoNumber.Parse("5"))));
        Assert.False(condition.Matches(AttributeValue.Number(DynamoNumber.Parse("4.9"))));

        var between = Assert.Throws<AwsServiceException>(() => ExpressionParser.ParseCondition("pk = :p AND sk BETWEEN :hi AND :lo",
            Attributes("""{":p":{"S":"x"},":lo":{"N":"1"},":hi":{"N":"5"}}"""), "KeyConditionExpression"));
        Assert.Equal("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}", between.Message);
    }
}
