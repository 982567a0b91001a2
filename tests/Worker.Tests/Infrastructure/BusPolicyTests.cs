using System.Text.Json;
using Choreo.Contracts;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class BusPolicyTests(WorkerTemplateFixture fixture)
{
    private JsonElement Statement => Assert.Single(fixture.AccessJson.Resources("AWS::Events::EventBusPolicy"))
        .Resource.GetProperty("Properties").GetProperty("Statement");

    [Fact]
    public void Cross_account_permission_is_a_real_bus_policy_on_the_worker_bus()
    {
        var properties = Assert.Single(fixture.AccessJson.Resources("AWS::Events::EventBusPolicy")).Resource.GetProperty("Properties");

        Assert.Equal("default", properties.GetProperty("EventBusName").GetString());
        Assert.Equal(WorkerTemplateFixture.WorkerBusArn, TemplateJson.Text(Statement.GetProperty("Resource")));
    }

    [Fact]
    public void The_workflow_stack_holds_no_bus_policy()
    {
        Assert.Empty(fixture.DevJson.Resources("AWS::Events::EventBusPolicy"));
    }

    [Fact]
    public void Bus_policy_admits_only_the_orchestrator_account_and_only_PutEvents()
    {
        Assert.Equal("Allow", Statement.GetProperty("Effect").GetString());
        Assert.Equal(["events:PutEvents"], TemplateJson.Strings(Statement.GetProperty("Action")));
        var principal = TemplateJson.Text(Statement.GetProperty("Principal").GetProperty("AWS"));
        Assert.Contains($":iam::{WorkerTemplateFixture.OrchestratorAccount}:root", principal);
    }

    [Fact]
    public void Bus_policy_admits_only_the_orchestrator_source_and_the_work_detail_types()
    {
        var condition = Statement.GetProperty("Condition").GetProperty("StringEquals");

        Assert.Equal([Sources.Orchestrator], TemplateJson.Strings(condition.GetProperty("events:source")));
        Assert.Equal(
            [DetailTypes.GetUsers, DetailTypes.GetUserProfile, DetailTypes.GenerateReport],
            TemplateJson.Strings(condition.GetProperty("events:detail-type")));
    }
}
