namespace Pipeline.Tests;

/// <summary>Every Lambda function of every stack, the CDK's own custom-resource handlers included, uses a runtime AWS still lets us create.</summary>
[Collection(FourAccountPipelineCollection.Name)]
public sealed class RuntimeTests(FourAccountPipeline app)
{
    // Runtimes AWS accepts for new functions on 2026-11-25 that Choreo uses: the worker's Native AOT bootstrap
    // and the bucket auto-delete handler (nodejs22.x is deprecated on 2027-04-30, per AWS's runtime table).
    private static readonly string[] Accepted = ["provided.al2023", "nodejs22.x"];

    [Fact]
    public void No_template_holds_a_runtime_AWS_refuses_for_new_functions()
    {
        var runtimes = app.TemplatePaths
            .SelectMany(path => app.Resources(FourAccountPipeline.Read(path), "AWS::Lambda::Function")
                .Select(function => (Template: Path.GetFileName(path), Runtime: (string?)function["Properties"]!["Runtime"])))
            .ToList();

        Assert.NotEmpty(runtimes);
        Assert.All(runtimes, r => Assert.True(r.Runtime is not null && Accepted.Contains(r.Runtime), $"{r.Template}: runtime {r.Runtime}"));
    }

    [Fact]
    public void The_Dev_bucket_auto_delete_handler_runs_on_nodejs22()
    {
        var worker = app.DevStacks.Single(s => s.StackName.EndsWith("-Worker", StringComparison.Ordinal));
        var functions = app.Resources(FourAccountPipeline.Read(worker.TemplateFullPath), "AWS::Lambda::Function")
            .Where(f => ((string?)f["Properties"]!["Runtime"])?.StartsWith("nodejs", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal("nodejs22.x", (string?)Assert.Single(functions)["Properties"]!["Runtime"]);
    }
}
