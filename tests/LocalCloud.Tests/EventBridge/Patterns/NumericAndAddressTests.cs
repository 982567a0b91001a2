using static LocalCloud.Tests.EventBridge.Patterns.PatternAssert;

namespace LocalCloud.Tests.EventBridge.Patterns;

public sealed class NumericAndAddressTests
{
    [Fact]
    public void Numeric_bounds_respect_open_and_closed_ends()
    {
        const string pattern = """{"n":[{"numeric":[">",0,"<=",5]}]}""";
        DoesNotMatch(pattern, """{"n":0}""");
        Matches(pattern, """{"n":0.000001}""");
        Matches(pattern, """{"n":5}""");
        DoesNotMatch(pattern, """{"n":5.000001}""");
    }

    [Fact]
    public void Numeric_compares_to_six_decimal_places()
    {
        Matches("""{"n":[{"numeric":["=",1.5]}]}""", """{"n":1.5000001}""");
        Matches("""{"n":[{"numeric":["<",-4999999999]}]}""", """{"n":-5e9}""");
    }

    [Fact]
    public void Numeric_ignores_strings_nulls_and_numbers_out_of_range()
    {
        DoesNotMatch("""{"n":[{"numeric":[">",0]}]}""", """{"n":"5"}""");
        DoesNotMatch("""{"n":[{"numeric":[">",0]}]}""", """{"n":6e9}""");
    }

    [Theory]
    [InlineData("""{"n":[{"numeric":[]}]}""", "Invalid member in numeric match: ]")]
    [InlineData("""{"n":[{"numeric":[5]}]}""", "Invalid member in numeric match: 5")]
    [InlineData("""{"n":[{"numeric":["!=",5]}]}""", "Unrecognized numeric range operator: !=")]
    [InlineData("""{"n":[{"numeric":["=","5"]}]}""", "Value of equals must be numeric")]
    [InlineData("""{"n":[{"numeric":["<",5,">",1]}]}""", "Too many elements in numeric expression")]
    [InlineData("""{"n":[{"numeric":[">",1,5]}]}""", "Bad value in numeric range: 5")]
    [InlineData("""{"n":[{"numeric":[">",1,"=",5]}]}""", "Bad numeric range operator: =")]
    [InlineData("""{"n":[{"numeric":[">",1,"<",5,6]}]}""", "Too many terms in numeric range expression")]
    [InlineData("""{"n":[{"numeric":[">",5,"<",5]}]}""", "Bottom must be less than top")]
    [InlineData("""{"n":[{"numeric":[">",6e9]}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive")]
    [InlineData("""{"n":[{"numeric":[">",1],"x":1}]}""", "Too many elements in numeric expression")]
    public void Numeric_mistakes_are_rejected_with_AWS_messages(string pattern, string reason) => Rejected(pattern, reason);

    [Fact]
    public void Cidr_matches_addresses_inside_the_block()
    {
        Matches("""{"ip":[{"cidr":"10.0.0.0/24"}]}""", """{"ip":"10.0.0.7"}""");
        DoesNotMatch("""{"ip":[{"cidr":"10.0.0.0/24"}]}""", """{"ip":"10.0.1.0"}""");
        DoesNotMatch("""{"ip":[{"cidr":"10.0.0.0/24"}]}""", """{"ip":"not-an-ip"}""");
    }

    [Fact]
    public void Ip_address_strings_in_a_pattern_match_any_spelling_of_that_address()
    {
        Matches("""{"ip":["2001:db8::1"]}""", """{"ip":"2001:0DB8:0:0:0:0:0:1"}""");
    }

    [Theory]
    [InlineData("10.0.0.0", "Malformed CIDR, one '/' required")]
    [InlineData("10.0.0.0/x", "Malformed CIDR, mask bits must be an integer")]
    [InlineData("10.0.0.0/-1", "Malformed CIDR, mask bits must not be negative")]
    [InlineData("10.0.0.0/32", "IPv4 mask bits must be < 32")]
    [InlineData("::/128", "IPv6 mask bits must be < 128")]
    [InlineData("host.example/8", "Nonstandard IP address: host.example")]
    [InlineData("300.0.0.1/8", "Invalid IP address: 300.0.0.1")]
    public void Cidr_mistakes_are_rejected_with_AWS_messages(string cidr, string reason) =>
        Rejected($$"""{"ip":[{"cidr":"{{cidr}}"}]}""", reason);
}
