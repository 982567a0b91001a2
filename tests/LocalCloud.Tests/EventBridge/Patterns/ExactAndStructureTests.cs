using static LocalCloud.Tests.EventBridge.Patterns.PatternAssert;

namespace LocalCloud.Tests.EventBridge.Patterns;

public sealed class ExactAndStructureTests
{
    [Fact]
    public void Exact_string_matches_only_the_same_string()
    {
        Matches("""{"source":["choreo.worker"]}""", """{"source":"choreo.worker"}""");
        DoesNotMatch("""{"source":["choreo.worker"]}""", """{"source":"Choreo.Worker"}""");
    }

    [Fact]
    public void Number_matches_numerically_but_never_a_numeric_string()
    {
        Matches("""{"n":[300]}""", """{"n":3.0e2}""");
        DoesNotMatch("""{"n":[300]}""", """{"n":"300"}""");
        DoesNotMatch("""{"n":["300"]}""", """{"n":300}""");
    }

    [Fact]
    public void Null_matches_a_null_value_but_not_a_missing_field()
    {
        Matches("""{"a":[null]}""", """{"a":null}""");
        DoesNotMatch("""{"a":[null]}""", """{"b":1}""");
    }

    [Fact]
    public void Booleans_match_by_value()
    {
        Matches("""{"b":[true]}""", """{"b":true}""");
        DoesNotMatch("""{"b":[true]}""", """{"b":"true"}""");
    }

    [Fact]
    public void Event_array_matches_when_any_element_matches()
    {
        Matches("""{"resources":["b","z"]}""", """{"resources":["a","b"]}""");
        DoesNotMatch("""{"resources":["z"]}""", """{"resources":["a","b"]}""");
    }

    [Fact]
    public void Fields_from_different_elements_of_one_array_do_not_combine()
    {
        const string pattern = """{"items":{"k":["x"],"v":[2]}}""";
        Matches(pattern, """{"items":[{"k":"x","v":2},{"k":"y","v":3}]}""");
        DoesNotMatch(pattern, """{"items":[{"k":"x","v":3},{"k":"y","v":2}]}""");
    }

    [Fact]
    public void Nested_pattern_objects_follow_nested_event_objects_and_dotted_keys()
    {
        Matches("""{"detail":{"a":{"b":["v"]}}}""", """{"detail":{"a":{"b":"v"}}}""");
        Matches("""{"detail":{"a":{"b":["v"]}}}""", """{"detail":{"a.b":"v"}}""");
        DoesNotMatch("""{"detail":{"a":["v"]}}""", """{"detail":{"a":{"b":"v"}}}""");
    }

    [Fact]
    public void Or_matches_when_any_alternative_matches_together_with_the_common_fields()
    {
        const string pattern = """{"source":["s"],"detail":{"$or":[{"a":[1]},{"b":[2]}]}}""";
        Matches(pattern, """{"source":"s","detail":{"b":2}}""");
        DoesNotMatch(pattern, """{"source":"t","detail":{"b":2}}""");
        DoesNotMatch(pattern, """{"source":"s","detail":{"a":2}}""");
    }

    [Fact]
    public void Structural_mistakes_are_rejected_with_AWS_messages()
    {
        Rejected("[1]", "Filter is not an object");
        Rejected("{}", "Empty objects are not allowed");
        Rejected("""{"a":{}}""", "Empty objects are not allowed");
        Rejected("""{"a":[]}""", "Empty arrays are not allowed");
        Rejected("""{"a":"x"}""", "\"a\" must be an object or an array");
        Rejected("""{"a":[["x"]]}""", "Match value must be String, number, true, false, or null");
        Rejected("""{"a":[{}]}""", "Match expression name not found");
        Rejected("""{"a":[{"prefix":"x","suffix":"y"}]}""", "Only one key allowed in match expression");
        Rejected("""{"a":[{"regex":"x"}]}""", "Unrecognized match type regex");
    }

    [Fact]
    public void Or_mistakes_are_rejected_with_AWS_messages()
    {
        Rejected("""{"$or":{"a":[1]}}""", "It must be an Array followed with $or.");
        Rejected("""{"$or":[{"a":[1]}]}""", "There must have at least 2 Objects in $or relationship.");
        Rejected("""{"$or":[{"a":[1]},"b"]}""", "Only JSON object is allowed in array of $or relationship.");
        Rejected("""{"$or":[{"a":[1]},{"prefix":["b"]}]}""", "prefix is Ruler reserved fieldName which cannot be used inside $or.");
    }
}
