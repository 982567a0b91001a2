using static LocalCloud.Tests.EventBridge.Patterns.PatternAssert;

namespace LocalCloud.Tests.EventBridge.Patterns;

public sealed class StringOperatorTests
{
    [Fact]
    public void Prefix_and_suffix_match_only_strings()
    {
        Matches("""{"a":[{"prefix":"12"}]}""", """{"a":"123"}""");
        DoesNotMatch("""{"a":[{"prefix":"12"}]}""", """{"a":123}""");
        Matches("""{"a":[{"suffix":".png"}]}""", """{"a":"x.png"}""");
        DoesNotMatch("""{"a":[{"suffix":".png"}]}""", """{"a":"x.PNG"}""");
    }

    [Fact]
    public void Empty_prefix_matches_any_string()
    {
        Matches("""{"a":[{"prefix":""}]}""", """{"a":"anything"}""");
        DoesNotMatch("""{"a":[{"prefix":""}]}""", """{"a":null}""");
    }

    [Fact]
    public void Ignore_case_variants_fold_letter_case()
    {
        Matches("""{"a":[{"equals-ignore-case":"AbC"}]}""", """{"a":"aBc"}""");
        Matches("""{"a":[{"prefix":{"equals-ignore-case":"EVENTB"}}]}""", """{"a":"eventbridge"}""");
        Matches("""{"a":[{"suffix":{"equals-ignore-case":".png"}}]}""", """{"a":"X.PnG"}""");
        DoesNotMatch("""{"a":[{"equals-ignore-case":"abc"}]}""", """{"a":"abcd"}""");
    }

    [Fact]
    public void Wildcard_star_matches_any_run_including_an_empty_one()
    {
        Matches("""{"a":[{"wildcard":"a*b"}]}""", """{"a":"ab"}""");
        Matches("""{"a":[{"wildcard":"a*b*c"}]}""", """{"a":"a-b-b-c"}""");
        DoesNotMatch("""{"a":[{"wildcard":"a*b"}]}""", """{"a":"abc"}""");
        Matches("""{"a":[{"wildcard":"*"}]}""", """{"a":""}""");
    }

    [Fact]
    public void Wildcard_escapes_make_stars_and_backslashes_literal()
    {
        Matches("""{"a":[{"wildcard":"a\\*b"}]}""", """{"a":"a*b"}""");
        DoesNotMatch("""{"a":[{"wildcard":"a\\*b"}]}""", """{"a":"axb"}""");
        Matches("""{"a":[{"wildcard":"a\\\\b"}]}""", """{"a":"a\\b"}""");
    }

    [Fact]
    public void Wildcard_mistakes_are_rejected_with_AWS_positions()
    {
        Rejected("""{"a":[{"wildcard":"ab**"}]}""", "Consecutive wildcard characters at pos 3");
        Rejected("""{"a":[{"wildcard":"a\\b"}]}""", "Invalid escape character at pos 2");
    }

    [Fact]
    public void Wildcards_that_keep_too_many_partial_matches_alive_are_too_complex()
    {
        EventPatternParses("""{"a":[{"wildcard":"*:*:*:*:event-bus/*"}]}""");
        EventPatternParses("""{"a":[{"wildcard":"/Users/*/dir/dir/dir/dir/dir/doc.txt"}]}""");
        Rejected("""{"a":[{"wildcard":"*a*a*a*a*a*"}]}""",
            "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character");
    }

    [Fact]
    public void String_operator_type_mistakes_are_rejected_with_AWS_messages()
    {
        Rejected("""{"a":[{"prefix":{"wildcard":"x"}}]}""", "Unsupported prefix pattern: wildcard");
        Rejected("""{"a":[{"suffix":{}}]}""", "Suffix expression name not found");
        Rejected("""{"a":[{"prefix":{"equals-ignore-case":1}}]}""", "equals-ignore-case match pattern must be a string");
        Rejected("""{"a":[{"exactly":1}]}""", "exact match pattern must be a string");
    }

    private static void EventPatternParses(string pattern) =>
        Choreo.LocalCloud.EventBridge.Patterns.EventPattern.Parse(pattern);
}
