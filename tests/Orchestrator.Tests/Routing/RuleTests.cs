using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Choreo.Contracts;
using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Routing;

[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class RuleTests(SynthesizedOrchestrator synthesized)
{
    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private (string Id, JsonObject Properties) RuleFor(TemplateJson template, string detailType) =>
        template.Single("AWS::Events::Rule", p => Strings(p["EventPattern"]!["detail-type"]).Contains(detailType));

    [Fact]
    public void Start_rule_starts_the_main_machine_with_the_event_detail_as_input()
    {
        var (_, rule) = RuleFor(synthesized.Default, DetailTypes.Start);
        Assert.Equal([DetailTypes.Start], Strings(rule["EventPattern"]!["detail-type"]));
        var target = rule["Targets"]!.AsArray().Single()!;
        var (mainId, _) = Machines.MainMachine(synthesized.Default);
        Assert.Equal($"${{{mainId}}}", synthesized.Default.Text(target["Arn"]));
        Assert.Equal("$.detail", target["InputPath"]!.GetValue<string>());
    }

    [Fact]
    public void Finisher_rule_sends_done_and_failed_from_the_worker_to_the_finisher()
    {
        var (_, rule) = RuleFor(synthesized.Default, DetailTypes.Done);
        Assert.Equal([Sources.Worker], Strings(rule["EventPattern"]!["source"]));
        Assert.Equal([DetailTypes.Done, DetailTypes.Failed], Strings(rule["EventPattern"]!["detail-type"]));
        var (finisherId, _) = Machines.FinisherMachine(synthesized.Default);
        Assert.Equal($"${{{finisherId}}}", synthesized.Default.Text(rule["Targets"]![0]!["Arn"]));
    }

    [Fact]
    public void Forward_rule_sends_only_the_orchestrator_requests_to_the_worker_bus()
    {
        var (_, rule) = RuleFor(synthesized.Default, DetailTypes.GetUsers);
        Assert.Equal([Sources.Orchestrator], Strings(rule["EventPattern"]!["source"]));
        Assert.Equal(DetailTypes.OrchestratorToWorker, Strings(rule["EventPattern"]!["detail-type"]));
        var target = rule["Targets"]!.AsArray().Single()!;
        Assert.Equal(
            $"arn:aws:events:{SynthesizedOrchestrator.Region}:{SynthesizedOrchestrator.WorkerAccount}:event-bus/default",
            synthesized.Default.Text(target["Arn"]));
    }

    [Fact]
    public void Forward_rule_role_may_only_put_events_on_the_worker_bus()
    {
        var (_, rule) = RuleFor(synthesized.Default, DetailTypes.GetUsers);
        var target = rule["Targets"]![0]!;
        var roleId = target["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var statements = synthesized.Default.PolicyStatements()
            .Where(s => s.Owner == roleId || (synthesized.Default.Resource(s.Owner)["Properties"]!["Roles"] is JsonArray roles
                && roles.Any(r => r!["Ref"]?.GetValue<string>() == roleId)))
            .Select(s => s.Statement)
            .ToList();
        var statement = Assert.Single(statements);
        Assert.Equal(["events:PutEvents"], synthesized.Default.List(statement["Action"]));
        Assert.Equal([synthesized.Default.Text(target["Arn"])], synthesized.Default.List(statement["Resource"]));
        Assert.Equal("events.amazonaws.com", synthesized.Default.Properties(roleId)["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]!.GetValue<string>());
    }

    [Fact]
    public void Forward_rule_keeps_the_default_retry_and_then_dead_letters_to_an_encrypted_queue()
    {
        var (ruleId, rule) = RuleFor(synthesized.Default, DetailTypes.GetUsers);
        var target = rule["Targets"]![0]!;
        // AWS documents no RetryPolicy for event-bus targets; the default retry applies (see PeerBusTarget).
        Assert.Null(target["RetryPolicy"]);

        var queueId = target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        Assert.Equal("AWS::SQS::Queue", synthesized.Default.Resource(queueId)["Type"]!.GetValue<string>());
        Assert.True(synthesized.Default.Properties(queueId)["SqsManagedSseEnabled"]!.GetValue<bool>());
        Assert.Null(synthesized.Default.Properties(queueId)["KmsMasterKeyId"]);

        // EventBridge may write to the queue only on behalf of this rule.
        var (_, queuePolicy) = synthesized.Default.Single("AWS::SQS::QueuePolicy",
            p => p["Queues"]!.AsArray().Any(q => q!["Ref"]!.GetValue<string>() == queueId));
        var send = queuePolicy["PolicyDocument"]!["Statement"]!.AsArray()
            .Single(s => s!["Effect"]!.GetValue<string>() == "Allow")!;
        Assert.Equal("sqs:SendMessage", send["Action"]!.GetValue<string>());
        Assert.Equal("events.amazonaws.com", send["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal($"${{{ruleId}.Arn}}", synthesized.Default.Text(send["Condition"]!["ArnEquals"]!["aws:SourceArn"]));
    }

    [Fact]
    public void Configured_worker_bus_reaches_the_forward_rule_and_the_retry_policy_only_the_state_machine_rules()
    {
        var (_, rule) = RuleFor(synthesized.Tuned, DetailTypes.GetUsers);
        var target = rule["Targets"]![0]!;
        Assert.Null(target["RetryPolicy"]);
        var (_, start) = RuleFor(synthesized.Tuned, DetailTypes.Start);
        Assert.Equal(3, start["Targets"]![0]!["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>());
        Assert.Equal(120, start["Targets"]![0]!["RetryPolicy"]!["MaximumEventAgeInSeconds"]!.GetValue<int>());
        Assert.Equal(
            $"arn:aws:events:{SynthesizedOrchestrator.WorkerRegion}:{SynthesizedOrchestrator.WorkerAccount}:event-bus/choreo-worker",
            synthesized.Tuned.Text(target["Arn"]));
    }

    [Fact]
    public void Default_bus_is_imported_and_a_named_bus_is_created_by_the_access_stack_and_used_by_every_rule()
    {
        synthesized.DefaultAssertions.ResourceCountIs("AWS::Events::EventBus", 0);
        synthesized.DefaultAssertions.AllResourcesProperties("AWS::Events::Rule", new Dictionary<string, object> { ["EventBusName"] = "default" });

        var (_, bus) = synthesized.TunedAccess.Single("AWS::Events::EventBus", _ => true);
        Assert.Equal("choreo", bus["Name"]!.GetValue<string>());
        Assert.All(synthesized.Tuned.Resources("AWS::Events::Rule"),
            r => Assert.Equal("choreo", synthesized.Tuned.Text(r.Resource["Properties"]!["EventBusName"])));
    }

    [Fact]
    public void Every_rule_says_what_it_routes_where()
    {
        synthesized.DefaultAssertions.ResourceCountIs("AWS::Events::Rule", 3);
        synthesized.DefaultAssertions.AllResourcesProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["Description"] = Match.StringLikeRegexp(".+"),
        });
    }
}
