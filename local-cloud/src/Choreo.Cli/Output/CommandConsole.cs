using Spectre.Console;

namespace Choreo.Cli.Output;

/// <summary>
/// The console the commands write to. On a terminal, Spectre's own (colours, the terminal's width); anywhere else (a
/// pipe, a file, CI logs) plain text that never wraps, because Spectre otherwise assumes 80 columns and breaks paths
/// and ARNs in two, which a reader cannot copy and a script cannot grep.
/// </summary>
public static class CommandConsole
{
    /// <summary>Wide enough for any line a command prints; tables still size to their content.</summary>
    public const int UnwrappedWidth = 100_000;

    /// <summary>Replaces <see cref="AnsiConsole.Console"/> when standard output is not a terminal.</summary>
    public static void UseForStandardOutput()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Console = NotATerminal(Console.Out);
        }
    }

    public static IAnsiConsole NotATerminal(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = UnwrappedWidth;
        return console;
    }
}
