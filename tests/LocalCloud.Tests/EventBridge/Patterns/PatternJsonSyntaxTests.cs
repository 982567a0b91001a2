namespace LocalCloud.Tests.EventBridge.Patterns;

public sealed class PatternJsonSyntaxTests
{
    [Theory]
    [InlineData("this is valid json but not a dict", "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")]
    [InlineData("{\"not\": closed mark\"", "Unrecognized token 'closed': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")]
    [InlineData("{'bad': 'quotation'}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name")]
    [InlineData("[\"not\", \"a\", \"dict\"]", "Filter is not an object")]
    [InlineData("", "Filter is not an object")]
    public void Malformed_pattern_JSON_is_rejected_with_AWS_parser_messages(string pattern, string reason) =>
        PatternAssert.Rejected(pattern, reason);
}
