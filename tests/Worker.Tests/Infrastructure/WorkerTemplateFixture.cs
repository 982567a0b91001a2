using Amazon.CDK;
using Amazon.CDK.Assertions;
using Choreo.Worker.Infrastructure;

namespace Worker.Tests.Infrastructure;

/// <summary>
/// Synthesizes a development and a production worker stack once, without bundling. Shared by the template
/// test classes through <see cref="WorkerTemplateCollection"/> so the run synthesizes once, not once per class.
/// </summary>
public sealed class WorkerTemplateFixture
{
    public const string OrchestratorAccount = "111111111111";
    public const string WorkerAccount = "222222222222";
    public const string OrchestratorRegion = "us-east-1";
    public const string WorkerRegion = "eu-west-1";

    /// <summary>The worker bus ARN as it appears in the template (JSON text).</summary>
    public const string WorkerBusArn =
        """{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":events:eu-west-1:222222222222:event-bus/default"]]}""";

    /// <summary>The orchestrator bus ARN as it appears in the template (JSON text).</summary>
    public const string OrchestratorBusArn =
        """{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":events:us-east-1:111111111111:event-bus/default"]]}""";

    public WorkerStack DevStack { get; }

    /// <summary>The access stack (bus policy) that goes with <see cref="DevStack"/>, as JSON.</summary>
    public TemplateJson AccessJson { get; }

    public Template Dev { get; }

    public Template Prod { get; }

    /// <summary>The development template as JSON, for checks that walk every resource.</summary>
    public TemplateJson DevJson { get; }

    public WorkerTemplateFixture()
    {
        // An empty bundling-stacks list makes CDK skip bundling, so no dotnet publish runs during tests.
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object> { ["aws:cdk:bundling-stacks"] = Array.Empty<string>() },
        });
        var environment = new Amazon.CDK.Environment { Account = WorkerAccount, Region = WorkerRegion };
        DevStack = new WorkerStack(app, "WorkerDev", new WorkerStackProps
        {
            Env = environment,
            OrchestratorAccount = OrchestratorAccount,
            OrchestratorRegion = OrchestratorRegion,
        });
        var prodStack = new WorkerStack(app, "WorkerProd", new WorkerStackProps
        {
            Env = environment,
            OrchestratorAccount = OrchestratorAccount,
            OrchestratorRegion = OrchestratorRegion,
            IsProduction = true,
            IntermediateObjectExpirationDays = 3,
        });
        var access = new WorkerAccessStack(app, "WorkerAccess", new WorkerAccessStackProps
        {
            Env = environment,
            OrchestratorAccount = OrchestratorAccount,
        });
        Dev = Template.FromStack(DevStack);
        AccessJson = TemplateJson.Of(Template.FromStack(access));
        Prod = Template.FromStack(prodStack);
        DevJson = TemplateJson.Of(Dev);
    }
}
