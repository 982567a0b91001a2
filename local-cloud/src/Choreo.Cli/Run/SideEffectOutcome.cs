using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.LocalCloud.Composition;

namespace Choreo.Cli.Run;

/// <summary>
/// What became of one execution's side effects, which nothing in the workflow waits for: how many announced
/// <c>async.done</c>, which ones failed through all of Lambda's retries into the side-effect dead-letter queue,
/// and how many are neither yet (still running or between Lambda's retries, minutes apart).
/// </summary>
public sealed record SideEffectOutcome(int Expected, IReadOnlyList<int> Announced, IReadOnlyList<DeadLetteredSideEffect> DeadLettered)
{
    public int Pending => Math.Max(0, Expected - Announced.Count - DeadLettered.Count);

    public static SideEffectOutcome Of(LocalCloudInstance cloud, ChoreoDeployment deployment, string executionArn, int people)
    {
        var workerBusPrefix = $"arn:aws:events:{deployment.WorkerAccount.Region}:{deployment.WorkerAccount.AccountId}:event-bus/";
        var announced = cloud.EventBridge.Journal.Snapshot()
            .Where(j => j.BusArn.StartsWith(workerBusPrefix, StringComparison.Ordinal) && j.Event.DetailType == DetailTypes.AsyncDone)
            .Select(j => JsonNode.Parse(j.Event.Json)?["detail"])
            .Where(d => (string?)d?["execution"] == executionArn && d?["index"] is not null)
            .Select(d => (int)d!["index"]!)
            .Distinct()
            .Order()
            .ToList();

        var queue = cloud.Sqs.GetByUrl(deployment.WorkerAccount, deployment.SideEffectDeadLettersUrl);
        var deadLettered = cloud.Sqs.Messages(queue)
            .Select(m => DeadLetteredSideEffect.Parse(m.Body))
            .Where(d => d is not null && d.Execution == executionArn)
            .Select(d => d!)
            .OrderBy(d => d.Index)
            .ToList();
        return new SideEffectOutcome(people, announced, deadLettered);
    }
}
