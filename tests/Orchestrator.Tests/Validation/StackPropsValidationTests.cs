using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Choreo.Contracts;
using Choreo.Orchestrator;
using Choreo.Orchestrator.Bus;
using Orchestrator.Tests.Synthesis;
using Match = Amazon.CDK.Assertions.Match;
using Template = Amazon.CDK.Assertions.Template;

namespace Orchestrator.Tests.Validation;

/// <summary>In the synthesis collection so that no two tests drive the CDK's Node process at once.</summary>
[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class StackPropsValidationTests
{
    [Fact]
    public void A_worker_account_that_is_not_twelve_digits_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrchestratorStack(new App(), "Bad", new OrchestratorStackProps { WorkerAccount = "2222" }));
        Assert.StartsWith("OrchestratorStack Bad: WorkerAccount '2222' is not a 12-digit AWS account id.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_concurrency_below_one_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrchestratorStack(new App(), "Bad", new OrchestratorStackProps
        {
            WorkerAccount = SynthesizedOrchestrator.WorkerAccount,
            MapMaxConcurrency = 0,
        }));
        Assert.Contains("MapMaxConcurrency is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heartbeat_not_shorter_than_the_timeout_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrchestratorStack(new App(), "Bad", new OrchestratorStackProps
        {
            WorkerAccount = SynthesizedOrchestrator.WorkerAccount,
            ReportTimeout = Duration.Minutes(5),
            ReportHeartbeat = Duration.Minutes(5),
        }));
        Assert.Contains("WorkerStep GenerateReport: the heartbeat (300 s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forward_retry_policy_outside_eventbridge_limits_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrchestratorStack(new App(), "Bad", new OrchestratorStackProps
        {
            WorkerAccount = SynthesizedOrchestrator.WorkerAccount,
            ForwardMaxEventAge = Duration.Seconds(10),
        }));
        Assert.Contains("MaxEventAge is 10 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choreo_bus_grants_put_events_on_itself_to_a_role_of_this_account()
    {
        var stack = new Stack(new App(), "GrantTest", new StackProps { Env = new Amazon.CDK.Environment { Account = SynthesizedOrchestrator.OrchestratorAccount, Region = SynthesizedOrchestrator.Region } });
        var bus = new ChoreoBus(stack, "Bus", new ChoreoBusProps());
        var role = new Role(stack, "SmokeTest", new RoleProps { AssumedBy = new AccountRootPrincipal() });
        bus.GrantPutEvents(role);

        Template.FromStack(stack).HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Action"] = "events:PutEvents",
                    ["Effect"] = "Allow",
                })]),
            }),
        });
    }

    [Fact]
    public void Admitting_a_peer_without_detail_types_is_refused()
    {
        var stack = new Stack(new App(), "AdmitTest");
        var bus = new ChoreoBus(stack, "Bus", new ChoreoBusProps());
        var error = Assert.Throws<ArgumentException>(() => bus.AdmitPeer("Peer", new PeerAdmission(SynthesizedOrchestrator.WorkerAccount, [Sources.Worker], [])));
        Assert.Contains("needs at least one source and one detail-type", error.Message, StringComparison.Ordinal);
    }
}
