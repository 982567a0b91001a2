using static LocalCloud.Tests.EventBridge.Patterns.PatternAssert;

namespace LocalCloud.Tests.EventBridge.Patterns;

public sealed class AnythingButAndExistsTests
{
    [Fact]
    public void Anything_but_matches_any_other_present_value_of_any_type()
    {
        const string pattern = """{"a":[{"anything-but":["x","y"]}]}""";
        Matches(pattern, """{"a":"z"}""");
        Matches(pattern, """{"a":1}""");
        Matches(pattern, """{"a":null}""");
        DoesNotMatch(pattern, """{"a":"y"}""");
        DoesNotMatch(pattern, """{"b":"z"}""");
    }

    [Fact]
    public void Anything_but_a_number_compares_numerically()
    {
        DoesNotMatch("""{"a":[{"anything-but":100}]}""", """{"a":1.0e2}""");
        Matches("""{"a":[{"anything-but":100}]}""", """{"a":"100"}""");
    }

    [Fact]
    public void Anything_but_operators_exclude_what_the_operator_matches()
    {
        DoesNotMatch("""{"a":[{"anything-but":{"prefix":"us-"}}]}""", """{"a":"us-east-1"}""");
        Matches("""{"a":[{"anything-but":{"prefix":"us-"}}]}""", """{"a":"eu-west-1"}""");
        DoesNotMatch("""{"a":[{"anything-but":{"equals-ignore-case":["X","Y"]}}]}""", """{"a":"y"}""");
        DoesNotMatch("""{"a":[{"anything-but":{"wildcard":"*/lib/*"}}]}""", """{"a":"/usr/lib/x"}""");
    }

    [Theory]
    [InlineData("""{"a":[{"anything-but":true}]}""", "Value of anything-but must be an array or single string/number value.")]
    [InlineData("""{"a":[{"anything-but":["x",1]}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported")]
    [InlineData("""{"a":[{"anything-but":[]}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported")]
    [InlineData("""{"a":[{"anything-but":[true]}]}""", "Inside anything but list, start|null|boolean is not supported.")]
    [InlineData("""{"a":[{"anything-but":{"numeric":[">",1]}}]}""", "Unsupported anything-but pattern: numeric")]
    [InlineData("""{"a":[{"anything-but":{}}]}""", "Anything-But expression name not found")]
    [InlineData("""{"a":[{"anything-but":{"prefix":""}}]}""", "Null prefix/suffix not allowed")]
    [InlineData("""{"a":[{"anything-but":{"prefix":"x","suffix":"y"}}]}""", "Too many elements in numeric expression")]
    public void Anything_but_mistakes_are_rejected_with_AWS_messages(string pattern, string reason) => Rejected(pattern, reason);

    [Fact]
    public void Exists_true_needs_a_leaf_value_and_null_counts()
    {
        Matches("""{"a":[{"exists":true}]}""", """{"a":null}""");
        DoesNotMatch("""{"a":[{"exists":true}]}""", """{"a":{"b":1}}""");
        DoesNotMatch("""{"a":[{"exists":true}]}""", """{"a":[]}""");
    }

    [Fact]
    public void Exists_false_matches_only_when_the_field_is_absent()
    {
        Matches("""{"a":[{"exists":false}]}""", """{"b":1}""");
        Matches("""{"a":[{"exists":false}]}""", """{"a":[]}""");
        DoesNotMatch("""{"a":[{"exists":false}]}""", """{"a":null}""");
    }

    [Fact]
    public void Exists_must_be_a_boolean()
    {
        Rejected("""{"a":[{"exists":"true"}]}""", "exists match pattern must be either true or false.");
    }
}
