using System.Text.Json;
using Choreo.Contracts;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class RuleTests(WorkerTemplateFixture fixture)
{
    [Theory]
    [InlineData("getMultiple", DetailTypes.GetUsers)]
    [InlineData("processSingle", DetailTypes.GetUserProfile)]
    [InlineData("postProcessAll", DetailTypes.GenerateReport)]
    public void Work_from_the_orchestrator_account_starts_its_function(string handler, string detailType)
    {
        var pattern = PatternOfOnlyRuleFor(handler);

        Assert.Equal([Sources.Orchestrator], TemplateJson.Strings(pattern.GetProperty("source")));
        Assert.Equal([detailType], TemplateJson.Strings(pattern.GetProperty("detail-type")));
        Assert.Equal([WorkerTemplateFixture.OrchestratorAccount], TemplateJson.Strings(pattern.GetProperty("account")));
    }

    [Theory]
    [InlineData("postProcessSingle")]
    [InlineData("sideEffect")]
    public void GetUserCookies_from_the_worker_starts_both_postProcessSingle_and_sideEffect(string handler)
    {
        var pattern = PatternOfOnlyRuleFor(handler);

        Assert.Equal([Sources.Worker], TemplateJson.Strings(pattern.GetProperty("source")));
        Assert.Equal([DetailTypes.GetUserCookies], TemplateJson.Strings(pattern.GetProperty("detail-type")));
    }

    [Theory]
    [MemberData(nameof(FunctionTests.Handlers), MemberType = typeof(FunctionTests))]
    public void Each_function_has_one_rule_on_this_bus_targeting_only_it(string handler)
    {
        var (id, _) = fixture.DevJson.FunctionByHandler(handler);

        var rule = Assert.Single(fixture.DevJson.RulesTargeting(id));
        Assert.Equal("default", rule.GetProperty("EventBusName").GetString());
        Assert.Single(rule.GetProperty("Targets").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(FunctionTests.Handlers), MemberType = typeof(FunctionTests))]
    public void Only_events_rules_may_invoke_a_function(string handler)
    {
        var (id, _) = fixture.DevJson.FunctionByHandler(handler);

        var permission = Assert.Single(fixture.DevJson.Resources("AWS::Lambda::Permission")
            .Select(p => p.Resource.GetProperty("Properties")),
            p => TemplateJson.Text(p.GetProperty("FunctionName")).Contains($"\"{id}\"", StringComparison.Ordinal));
        Assert.Equal("events.amazonaws.com", permission.GetProperty("Principal").GetString());
        Assert.Contains("Fn::GetAtt", TemplateJson.Text(permission.GetProperty("SourceArn")));
    }

    private JsonElement PatternOfOnlyRuleFor(string handler)
    {
        var (id, _) = fixture.DevJson.FunctionByHandler(handler);
        return Assert.Single(fixture.DevJson.RulesTargeting(id)).GetProperty("EventPattern");
    }
}
