using Choreo.Cli.Output;
using Spectre.Console;

namespace EndToEnd.Tests;

/// <summary>What <c>choreo</c> prints to a pipe or a file keeps every path and ARN on one line.</summary>
public sealed class CommandConsoleTests
{
    [Fact]
    public void A_long_path_printed_to_a_pipe_stays_on_one_line_without_escape_codes()
    {
        var path = ".choreo/runs/" + string.Join('/', Enumerable.Repeat("arn:aws:states:us-east-1:111111111111:execution:ChoreoMain:job-42", 4)) + "/0-cookies.json";
        using var pipe = new StringWriter();
        var console = CommandConsole.NotATerminal(pipe);

        console.MarkupLine($"report: [bold]{Markup.Escape(path)}[/]");

        Assert.Equal($"report: {path}{Environment.NewLine}", pipe.ToString());
    }

    [Fact]
    public void A_table_printed_to_a_pipe_sizes_to_its_content()
    {
        using var pipe = new StringWriter();
        var console = CommandConsole.NotATerminal(pipe);
        var table = new Table().AddColumn("#").AddColumn("name");
        table.AddRow("1", "Ada");

        console.Write(table);

        var lines = pipe.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(line.Length < 20, $"'{line}' is wider than its content"));
        Assert.Contains(lines, line => line.Contains("Ada", StringComparison.Ordinal));
    }
}
