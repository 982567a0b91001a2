using Amazon.CDK;
using Amazon.CDK.Assertions;
using Choreo.Worker.Infrastructure;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class WorkerStackPropsTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("choreo-worker-tests-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void Orchestrator_account_that_is_not_twelve_digits_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Synthesize(new Dictionary<string, object>(), "11111"));

        Assert.Contains("'11111'", error.Message);
    }

    [Fact]
    public void Prebuilt_bootstrap_folder_without_a_bootstrap_is_refused_with_the_folder_named()
    {
        var empty = _scratch.CreateSubdirectory("empty").FullName;

        var error = Assert.Throws<InvalidOperationException>(() => Synthesize(
            new Dictionary<string, object> { [WorkerStackProps.BootstrapDirectoryContextKey] = empty }));

        Assert.Contains(empty, error.Message);
    }

    [Fact]
    public void Prebuilt_bootstrap_folder_is_staged_as_the_functions_code_without_symbols()
    {
        var prebuilt = _scratch.CreateSubdirectory("prebuilt").FullName;
        File.WriteAllText(Path.Combine(prebuilt, "bootstrap"), "prebuilt-bootstrap");
        File.WriteAllText(Path.Combine(prebuilt, "bootstrap.dbg"), "symbols");
        var outdir = _scratch.CreateSubdirectory("cdk.out").FullName;

        var app = new App(new AppProps
        {
            Outdir = outdir,
            Context = new Dictionary<string, object> { [WorkerStackProps.BootstrapDirectoryContextKey] = prebuilt },
        });
        _ = new WorkerStack(app, "Worker", new WorkerStackProps { OrchestratorAccount = WorkerTemplateFixture.OrchestratorAccount });
        app.Synth();

        var staged = Assert.Single(Directory.GetDirectories(outdir, "asset.*"),
            d => File.Exists(Path.Combine(d, "bootstrap")));
        Assert.Equal("prebuilt-bootstrap", File.ReadAllText(Path.Combine(staged, "bootstrap")));
        Assert.False(File.Exists(Path.Combine(staged, "bootstrap.dbg")));
    }

    [Fact]
    public void A_named_bus_is_created_by_the_access_stack_and_the_workflow_rules_listen_on_it_by_name()
    {
        var app = new App(new AppProps { Context = new Dictionary<string, object> { ["aws:cdk:bundling-stacks"] = Array.Empty<string>() } });
        var accessStack = new WorkerAccessStack(app, "Access", new WorkerAccessStackProps
        {
            OrchestratorAccount = WorkerTemplateFixture.OrchestratorAccount,
            BusName = "choreo-work",
        });
        var workflowStack = new WorkerStack(app, "Worker", new WorkerStackProps
        {
            OrchestratorAccount = WorkerTemplateFixture.OrchestratorAccount,
            BusName = "choreo-work",
        });
        var access = Template.FromStack(accessStack);
        var workflow = Template.FromStack(workflowStack);

        access.HasResourceProperties("AWS::Events::EventBus", new Dictionary<string, object> { ["Name"] = "choreo-work" });
        access.ResourceCountIs("AWS::Events::EventBusPolicy", 1);
        workflow.ResourceCountIs("AWS::Events::EventBus", 0);
        workflow.ResourceCountIs("AWS::Events::EventBusPolicy", 0);
        var rules = TemplateJson.Of(workflow).Resources("AWS::Events::Rule").ToList();
        Assert.All(rules, r => Assert.Equal("choreo-work", r.Resource.GetProperty("Properties").GetProperty("EventBusName").GetString()));
    }

    private static Template Synthesize(
        Dictionary<string, object> context, string orchestratorAccount = WorkerTemplateFixture.OrchestratorAccount, string busName = "default")
    {
        context["aws:cdk:bundling-stacks"] = Array.Empty<string>();
        var app = new App(new AppProps { Context = context });
        var stack = new WorkerStack(app, "Worker", new WorkerStackProps { OrchestratorAccount = orchestratorAccount, BusName = busName });
        return Template.FromStack(stack);
    }
}
