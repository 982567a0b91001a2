namespace Pipeline.Tests;

/// <summary>One cfn-lint run per test process over the fixture's templates (cfn-lint takes seconds, so it runs once).</summary>
public static class CfnLintRun
{
    private static readonly Lock Gate = new();
    private static IReadOnlyList<CfnLint.Finding>? _findings;

    public static IReadOnlyList<CfnLint.Finding> For(FourAccountPipeline app)
    {
        lock (Gate)
        {
            return _findings ??= CfnLint.Run(app.TemplatePaths, FourAccountPipeline.Region);
        }
    }
}
