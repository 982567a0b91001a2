using System.CommandLine;
using Choreo.Cli.Commands;

var root = new RootCommand("choreo: run Choreo's AWS workflows on local-cloud, an embedded local AWS");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(TraceCommand.Create());
return await root.Parse(args).InvokeAsync();
