using Amazon.CDK;
using Choreo.Pipeline;
using Choreo.Pipeline.Configuration;

var app = new App();
ChoreoConfiguration configuration;
try
{
    configuration = ChoreoConfiguration.Read(key => app.Node.TryGetContext(key)?.ToString());
}
catch (ChoreoConfigurationException e)
{
    Console.Error.WriteLine($"Choreo configuration error: {e.Message}");
    return 1;
}

new PipelineStack(app, "ChoreoPipeline", new PipelineStackProps
{
    Env = new Amazon.CDK.Environment { Account = configuration.ToolingAccount, Region = configuration.Region },
    Description = "Choreo: the CDK Pipeline that promotes both accounts from Dev to Prod.",
    Configuration = configuration,
});
app.Synth();
return 0;
