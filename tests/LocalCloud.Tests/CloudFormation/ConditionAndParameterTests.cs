using Choreo.LocalCloud.CloudFormation.Deployment;

namespace LocalCloud.Tests.CloudFormation;

public sealed class ConditionAndParameterTests
{
    private const string ConditionalTemplate = """
        {
          "Parameters": {
            "Stage": { "Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"] },
            "Sizes": { "Type": "CommaDelimitedList", "Default": "1,2,3" }
          },
          "Conditions": {
            "IsProd": { "Fn::Equals": [{ "Ref": "Stage" }, "prod"] },
            "IsDev": { "Fn::Not": [{ "Condition": "IsProd" }] },
            "DevInEurope": { "Fn::And": [{ "Condition": "IsDev" }, { "Fn::Equals": [{ "Ref": "AWS::Region" }, "eu-west-1"] }] },
            "ProdOrEurope": { "Fn::Or": [{ "Condition": "IsProd" }, { "Condition": "DevInEurope" }] }
          },
          "Resources": {
            "Always": { "Type": "Test::Thing", "Properties": {
              "Retention": { "Fn::If": ["IsProd", 365, 7] },
              "Alarm": { "Fn::If": ["IsProd", { "Ref": "ProdOnly" }, { "Ref": "AWS::NoValue" }] },
              "Second": { "Fn::Select": [1, { "Ref": "Sizes" }] } } },
            "ProdOnly": { "Type": "Test::Other", "Condition": "IsProd" },
            "EuropeDev": { "Type": "Test::Other", "Condition": "DevInEurope" }
          },
          "Outputs": {
            "Either": { "Condition": "ProdOrEurope", "Value": "yes" },
            "ProdOut": { "Condition": "IsProd", "Value": { "Ref": "ProdOnly" } }
          }
        }
        """;

    [Fact]
    public async Task Default_parameters_and_false_conditions_leave_out_resources_outputs_and_untaken_branches()
    {
        var harness = new DeployerHarness();
        var stack = await harness.DeployAsync(ConditionalTemplate);

        Assert.Equal(["Always", "EuropeDev"], stack.Resources.Select(r => r.LogicalId));
        Assert.Equal("""{"Retention":7,"Second":"2"}""", harness.Things.PropertiesOf("Always").ToJsonString());
        Assert.Equal(["Either"], stack.Outputs.Keys);
    }

    [Fact]
    public async Task A_parameter_override_flips_conditions_and_the_chosen_branch_references_the_conditional_resource()
    {
        var harness = new DeployerHarness();
        var stack = await harness.DeployAsync(ConditionalTemplate, options: new DeployOptions { Parameters = new Dictionary<string, string> { ["Stage"] = "prod" } });

        Assert.Equal(["ProdOnly", "Always"], stack.Resources.Select(r => r.LogicalId));
        Assert.Equal("""{"Retention":365,"Alarm":"other-ProdOnly","Second":"2"}""", harness.Things.PropertiesOf("Always").ToJsonString());
        Assert.Equal("other-ProdOnly", stack.Output("ProdOut"));
    }

    [Fact]
    public async Task A_value_outside_AllowedValues_is_refused()
    {
        var message = await new DeployerHarness().FailureOfAsync(ConditionalTemplate,
            options: new DeployOptions { Parameters = new Dictionary<string, string> { ["Stage"] = "test" } });

        Assert.Contains("Parameter 'Stage' must be one of AllowedValues", message);
    }

    [Fact]
    public async Task A_parameter_without_default_or_value_is_refused_by_name()
    {
        var message = await new DeployerHarness().FailureOfAsync("""
            { "Parameters": { "BucketName": { "Type": "String" } }, "Resources": { "A": { "Type": "Test::Thing" } } }
            """);

        Assert.Contains("Parameters: [BucketName] must have values", message);
    }

    [Fact]
    public async Task An_undefined_condition_is_an_error_naming_it()
    {
        var message = await new DeployerHarness().FailureOfAsync("""
            { "Resources": { "A": { "Type": "Test::Thing", "Condition": "Missing" } } }
            """);

        Assert.Contains("condition 'Missing' is not defined in Conditions", message);
    }

    [Fact]
    public async Task A_condition_that_refers_to_itself_is_an_error_not_a_hang()
    {
        var message = await new DeployerHarness().FailureOfAsync("""
            { "Conditions": { "Loop": { "Fn::Not": [{ "Condition": "Loop" }] } },
              "Resources": { "A": { "Type": "Test::Thing", "Condition": "Loop" } } }
            """);

        Assert.Contains("condition 'Loop' depends on itself", message);
    }

    private const string BootstrapTemplate = """
        {
          "Parameters": { "BootstrapVersion": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version" } },
          "Rules": { "CheckBootstrapVersion": { "Assertions": [{
            "Assert": { "Fn::Not": [{ "Fn::Contains": [["1", "2", "3", "4", "5"], { "Ref": "BootstrapVersion" }] }] },
            "AssertDescription": "CDK bootstrap stack version 6 required." }] } },
          "Resources": { "A": { "Type": "Test::Thing", "Properties": { "Version": { "Ref": "BootstrapVersion" } } } }
        }
        """;

    [Fact]
    public async Task The_CDK_bootstrap_version_parameter_resolves_to_the_configured_version_and_its_rule_passes()
    {
        var harness = new DeployerHarness();
        var stack = await harness.DeployAsync(BootstrapTemplate);

        Assert.Equal("21", harness.Things.PropertiesOf("A")["Version"]!.GetValue<string>());
        Assert.Empty(stack.Notes);
    }

    [Fact]
    public async Task A_failing_rule_assertion_stops_the_deploy_with_its_description()
    {
        var message = await new DeployerHarness().FailureOfAsync(BootstrapTemplate, options: new DeployOptions { BootstrapVersion = "4" });

        Assert.Contains("Rule CheckBootstrapVersion failed: CDK bootstrap stack version 6 required.", message);
        Assert.Contains("nothing was created", message);
    }

    [Fact]
    public async Task An_unconfigured_SSM_parameter_is_refused_by_name()
    {
        var message = await new DeployerHarness().FailureOfAsync("""
            { "Parameters": { "Ami": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/my/ami" } },
              "Resources": { "A": { "Type": "Test::Thing" } } }
            """);

        Assert.Contains("Parameters: [Ami] names SSM parameter '/my/ami', which has no configured value", message);
    }

    [Fact]
    public async Task A_configured_SSM_parameter_supplies_the_value()
    {
        var harness = new DeployerHarness();
        await harness.DeployAsync("""
            { "Parameters": { "Ami": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/my/ami" } },
              "Resources": { "A": { "Type": "Test::Thing", "Properties": { "Image": { "Ref": "Ami" } } } } }
            """, options: new DeployOptions { SsmParameters = new Dictionary<string, string> { ["/my/ami"] = "ami-123" } });

        Assert.Equal("ami-123", harness.Things.PropertiesOf("A")["Image"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rule_using_a_function_local_cloud_cannot_evaluate_is_noted_and_skipped()
    {
        var stack = await new DeployerHarness().DeployAsync("""
            { "Rules": { "Exotic": { "Assertions": [{ "Assert": { "Fn::EachMemberEquals": [["a"], "a"] } }] } },
              "Resources": { "A": { "Type": "Test::Thing" } } }
            """);

        Assert.Contains(stack.Notes, n => n.StartsWith("Rule Exotic not evaluated", StringComparison.Ordinal));
    }
}
