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

// The pipeline's own synth runs plain `npx cdk synth` in CodeBuild: without the accounts in cdk.json, self-mutation
// would rewrite the deployed pipeline to target the fake local accounts.
if (configuration.IsLocalDefault && System.Environment.GetEnvironmentVariable("CODEBUILD_BUILD_ID") is not null)
{
    Console.Error.WriteLine($"Choreo configuration error: the pipeline's synth found none of {string.Join(", ", ContextKeys.Accounts)}; commit them in the \"context\" of cdk.json.");
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
