using Choreo.LocalCloud.CloudFormation.Deployment;

namespace LocalCloud.Tests.CloudFormation;

public sealed class DeploymentTests
{
    [Fact]
    public async Task Resources_are_created_after_what_they_reference_or_depend_on()
    {
        var harness = new DeployerHarness();
        var stack = await harness.DeployAsync("""
            { "Resources": {
                "Rule": { "Type": "Test::Other", "Properties": { "Bus": { "Fn::Sub": "${Bus.Arn}" } } },
                "Policy": { "Type": "Test::Other", "DependsOn": "Queue", "Properties": {} },
                "Queue": { "Type": "Test::Thing", "DependsOn": ["Bus"] },
                "Bus": { "Type": "Test::Thing", "Properties": { "Name": { "Fn::Join": ["-", [{ "Ref": "AWS::StackName" }, "bus"]] } } } } }
            """);

        Assert.Equal(["Bus", "Rule", "Queue", "Policy"], stack.Resources.Select(r => r.LogicalId));
    }

    [Fact]
    public async Task A_dependency_cycle_is_reported_with_its_members()
    {
        var message = await new DeployerHarness().FailureOfAsync("""
            { "Resources": {
                "Free": { "Type": "Test::Thing" },
                "A": { "Type": "Test::Thing", "Properties": { "X": { "Ref": "B" } } },
                "B": { "Type": "Test::Thing", "DependsOn": "A" },
                "Blocked": { "Type": "Test::Thing", "DependsOn": "B" } } }
            """);

        Assert.Contains("circular dependency between resources: [A, B]", message);
    }

    [Fact]
    public async Task DependsOn_an_undeclared_resource_is_refused()
    {
        var message = await new DeployerHarness().FailureOfAsync("""
            { "Resources": { "A": { "Type": "Test::Thing", "DependsOn": "Ghost" } } }
            """);

        Assert.Contains("unresolved resource dependencies [Ghost] in DependsOn of resource A", message);
    }

    [Fact]
    public async Task Types_without_a_provider_are_skipped_listed_once_per_type_and_their_placeholders_reported()
    {
        var harness = new DeployerHarness();
        var stack = await harness.DeployAsync("""
            { "Resources": {
                "LogsA": { "Type": "AWS::Logs::LogGroup" },
                "LogsB": { "Type": "AWS::Logs::LogGroup" },
                "CDKMetadata": { "Type": "AWS::CDK::Metadata", "Properties": { "Analytics": "v2:deflate64:x" } },
                "Machine": { "Type": "Test::Thing", "Properties": {
                  "LogGroup": { "Fn::GetAtt": ["LogsA", "Arn"] }, "Name": { "Ref": "LogsB" } } } } }
            """);

        Assert.Equal(["AWS::Logs::LogGroup", "AWS::CDK::Metadata"], stack.SkippedTypes.Select(s => s.ResourceType));
        Assert.Equal(["LogsA", "LogsB"], stack.SkippedTypes[0].LogicalIds);
        Assert.Equal(["Machine"], stack.Resources.Select(r => r.LogicalId));

        var properties = harness.Things.PropertiesOf("Machine");
        Assert.Equal("arn:aws:logs:eu-west-1:111111111111:local-cloud-placeholder/TestStack/LogsA/Arn", properties["LogGroup"]!.GetValue<string>());
        Assert.Equal("TestStack-LogsB-placeholder", properties["Name"]!.GetValue<string>());
        Assert.Equal(
            [("LogsA", "Arn", "Resources.Machine.Properties.LogGroup.Fn::GetAtt"), ("LogsB", "Ref", "Resources.Machine.Properties.Name.Ref")],
            stack.Placeholders.Select(p => (p.LogicalId, p.Attribute, p.Location)));
    }

    [Fact]
    public async Task A_failing_provider_fails_the_deploy_naming_the_resource_and_what_was_created_before()
    {
        var failing = new RecordingProvider("Test::Fragile", _ => new InvalidOperationException("bucket name already taken"));
        var harness = new DeployerHarness(failing);

        var error = await Assert.ThrowsAsync<StackDeploymentException>(() => harness.DeployAsync("""
            { "Resources": {
                "First": { "Type": "Test::Thing" },
                "Broken": { "Type": "Test::Fragile", "DependsOn": "First" },
                "Never": { "Type": "Test::Other", "DependsOn": "Broken" } } }
            """));

        Assert.Equal("Stack TestStack in 111111111111/eu-west-1: resource Broken (Test::Fragile) failed: bucket name already taken; created before the failure (not rolled back): First", error.Message);
        Assert.Equal(("Broken", "Test::Fragile"), (error.LogicalId, error.ResourceType));
        Assert.Equal(["First"], error.CreatedResources.Select(r => r.LogicalId));
        Assert.Empty(harness.Others.Requests);
        Assert.Null(harness.Stacks.Find(DeployerHarness.Orchestrator, "TestStack"));
    }

    [Fact]
    public async Task Deploying_the_same_stack_name_twice_into_one_account_and_region_is_refused()
    {
        var harness = new DeployerHarness();
        const string template = """{ "Resources": { "A": { "Type": "Test::Thing" } } }""";
        await harness.DeployAsync(template);

        var message = await harness.FailureOfAsync(template);
        await harness.DeployAsync(template, account: new("111111111111", "us-east-1"));

        Assert.Contains("Stack [TestStack] already exists in 111111111111/eu-west-1", message);
        Assert.Equal(2, harness.Things.Requests.Count);
    }

    [Fact]
    public async Task Providers_receive_the_account_stack_logical_id_and_metadata()
    {
        var harness = new DeployerHarness();
        await harness.DeployAsync("""
            { "Resources": { "A": { "Type": "Test::Thing", "Metadata": { "aws:cdk:path": "TestStack/A/Resource" } } } }
            """, "Worker", account: new("222222222222", "eu-central-1"));

        var request = Assert.Single(harness.Things.Requests);
        Assert.Equal(("222222222222", "eu-central-1", "Worker", "A"), (request.Account.AccountId, request.Account.Region, request.StackName, request.LogicalId));
        Assert.Equal("TestStack/A/Resource", request.Metadata["aws:cdk:path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outputs_are_recorded_with_export_names_and_a_duplicate_export_is_refused()
    {
        var harness = new DeployerHarness();
        const string template = """
            { "Resources": { "A": { "Type": "Test::Thing" } },
              "Outputs": { "Name": { "Description": "the name", "Value": { "Ref": "A" }, "Export": { "Name": { "Fn::Sub": "${AWS::Region}-name" } } } } }
            """;
        var stack = await harness.DeployAsync(template, "One");

        var message = await harness.FailureOfAsync(template, "Two");

        Assert.Equal(new("Name", "thing-A", "eu-west-1-name", "the name"), stack.Outputs["Name"]);
        Assert.Contains("Export with name eu-west-1-name is already exported by stack One", message);
    }

    [Fact]
    public async Task Transforms_are_refused_rather_than_ignored()
    {
        var message = await new DeployerHarness().FailureOfAsync("""
            { "Transform": "AWS::Serverless-2016-10-31", "Resources": { "A": { "Type": "Test::Thing" } } }
            """);

        Assert.Contains("Template transforms are not supported by local-cloud", message);
    }
}
