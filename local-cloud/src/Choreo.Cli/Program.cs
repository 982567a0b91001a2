using System.CommandLine;
using Choreo.Cli.Commands;
using Choreo.Cli.Output;

CommandConsole.UseForStandardOutput();

var root = new RootCommand("choreo: run Choreo's AWS workflows on local-cloud, an embedded local AWS");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(TraceCommand.Create());
var parsed = root.Parse(args);
// serve handles SIGINT and SIGTERM itself (stop, then exit 0); System.CommandLine's own handler would hold the
// exiting process for its 2-second termination timeout and then report 130/143.
var invocation = parsed.CommandResult.Command.Name == ServeCommand.Name
    ? new InvocationConfiguration { ProcessTerminationTimeout = null }
    : new InvocationConfiguration();
return await parsed.InvokeAsync(invocation);
