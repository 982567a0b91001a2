using Choreo.Cli.Commands;

namespace EndToEnd.Tests;

/// <summary><c>choreo trace --endpoint</c> takes the URL a user types (it used to fail to parse every value).</summary>
public sealed class TraceCommandTests
{
    private const string Execution = "arn:aws:states:us-east-1:111111111111:execution:main:job-1";

    [Fact]
    public void Trace_accepts_an_http_endpoint()
    {
        var parsed = TraceCommand.Create().Parse([Execution, "--endpoint", "http://127.0.0.1:4598"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new Uri("http://127.0.0.1:4598"), parsed.GetValue<Uri>("--endpoint"));
    }

    [Fact]
    public void Trace_defaults_to_the_serve_port()
    {
        var parsed = TraceCommand.Create().Parse([Execution]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), parsed.GetValue<Uri>("--endpoint"));
    }

    [Fact]
    public void Trace_refuses_an_endpoint_that_is_not_an_http_url_with_a_clear_error()
    {
        var parsed = TraceCommand.Create().Parse([Execution, "--endpoint", "127.0.0.1:4598"]);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("--endpoint '127.0.0.1:4598' is not an http(s) URL such as http://127.0.0.1:4566", error.Message);
    }
}
