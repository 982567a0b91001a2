using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.CXAPI;
using Choreo.Pipeline;
using Choreo.Pipeline.Configuration;

namespace Pipeline.Tests;

/// <summary>The app synthesized once with a full four-account configuration; tests read its templates.</summary>
public sealed class FourAccountPipeline
{
    public const string Tooling = "999999999999";
    public const string DevOrchestrator = "100000000001";
    public const string DevWorker = "100000000002";
    public const string ProdOrchestrator = "200000000001";
    public const string ProdWorker = "200000000002";
    public const string Region = "eu-west-1";

    public FourAccountPipeline()
    {
        var context = new Dictionary<string, object>
        {
            [ContextKeys.ToolingAccount] = Tooling,
            [ContextKeys.Region] = Region,
            [ContextKeys.DevOrchestratorAccount] = DevOrchestrator,
            [ContextKeys.DevWorkerAccount] = DevWorker,
            [ContextKeys.ProdOrchestratorAccount] = ProdOrchestrator,
            [ContextKeys.ProdWorkerAccount] = ProdWorker,
            [ContextKeys.SourceConnectionArn] = "arn:aws:codeconnections:eu-west-1:999999999999:connection/5d1a2b3c-0000-4000-8000-000000000000",
            [ContextKeys.SourceRepository] = "choreo/choreo",
            // As `cdk synth` does: resources carry their construct path and each template an AWS::CDK::Metadata
            // resource, which is how cfn-lint recognises a CDK template (it then skips style rules such as
            // "prefer Fn::Sub over Fn::Join" that CDK output cannot follow).
            ["aws:cdk:enable-path-metadata"] = true,
            ["aws:cdk:version-reporting"] = true,
            // Unit tests never run the Native AOT publish that bundles the worker functions.
            ["aws:cdk:bundling-stacks"] = Array.Empty<string>(),
        };
        var app = new App(new AppProps { Context = context });
        var configuration = ChoreoConfiguration.Read(key => app.Node.TryGetContext(key)?.ToString());
        Stack = new PipelineStack(app, "ChoreoPipeline", new PipelineStackProps
        {
            Env = new Amazon.CDK.Environment { Account = configuration.ToolingAccount, Region = configuration.Region },
            Configuration = configuration,
        });
        var assembly = app.Synth();
        var pipelineTemplatePath = assembly.GetStackByName(Stack.StackName).TemplateFullPath;
        PipelineTemplate = Read(pipelineTemplatePath);
        DevStacks = Stack.Dev.Synth().Stacks;
        ProdStacks = Stack.Prod.Synth().Stacks;
        TemplatePaths = [pipelineTemplatePath, .. DevStacks.Concat(ProdStacks).Select(s => s.TemplateFullPath)];
    }

    public PipelineStack Stack { get; }
    public JsonObject PipelineTemplate { get; }
    public CloudFormationStackArtifact[] DevStacks { get; }
    public CloudFormationStackArtifact[] ProdStacks { get; }

    /// <summary>Every template the app synthesizes: the pipeline stack's and each stage stack's.</summary>
    public IReadOnlyList<string> TemplatePaths { get; }

    public static JsonObject Read(string templatePath) => JsonNode.Parse(File.ReadAllText(templatePath))!.AsObject();

    public IEnumerable<JsonObject> Resources(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Select(p => p.Value!.AsObject())
            .Where(r => (string?)r["Type"] == type);

    public JsonArray PipelineStages() => Resources(PipelineTemplate, "AWS::CodePipeline::Pipeline").Single()["Properties"]!["Stages"]!.AsArray();

    public JsonArray ActionsOf(string stageName) =>
        PipelineStages().Single(s => (string?)s!["Name"] == stageName)!["Actions"]!.AsArray();
}
