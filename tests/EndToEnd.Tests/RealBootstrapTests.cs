using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.Time;

namespace EndToEnd.Tests;

[Collection(BuiltChoreoCollection.Name)]
public sealed class RealBootstrapTests(BuiltChoreo built)
{
    [Fact]
    public async Task A_run_with_the_real_AOT_bootstrap_behind_the_Runtime_API_succeeds()
    {
        await using var choreo = await LocalChoreo.DeployAsync(built, mode: LambdaExecutionMode.Process, clock: new SystemClock());

        var execution = await choreo.RunToEndAsync(people: 3, seed: 21, realTimeLimit: TimeSpan.FromMinutes(3));

        Assert.Equal(ExecutionStatus.SUCCEEDED, execution.Status);
        var check = choreo.Run.ReadReport(execution);
        Assert.True(check.Agrees, string.Join("\n", check.Problems));
        Assert.Contains(choreo.Cloud.Invocations.All, i => i.Lines.Any(l => l.Contains(i.RequestId, StringComparison.Ordinal)));
    }
}
