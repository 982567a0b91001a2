namespace LocalCloud.Tests.CloudFormation;

public sealed class IntrinsicFunctionTests
{
    private readonly DeployerHarness _harness = new();

    private async Task<string> OutputAsync(string valueJson, string extraSections = "")
    {
        var stack = await _harness.DeployAsync($$"""
            {
              {{extraSections}}
              "Resources": { "Bus": { "Type": "Test::Thing", "Properties": { "Name": "main" } } },
              "Outputs": { "Out": { "Value": {{valueJson}} } }
            }
            """);
        return stack.Output("Out");
    }

    [Fact]
    public async Task Ref_to_a_resource_is_its_physical_id_and_GetAtt_reads_its_attributes_in_both_forms()
    {
        Assert.Equal("thing-Bus", await OutputAsync("""{ "Ref": "Bus" }"""));
        Assert.Equal("arn:aws:test:eu-west-1:111111111111:thing-Bus", await new IntrinsicFunctionTests().OutputAsync("""{ "Fn::GetAtt": ["Bus", "Arn"] }"""));
        Assert.Equal("thing-Bus", await new IntrinsicFunctionTests().OutputAsync("""{ "Fn::GetAtt": "Bus.Name" }"""));
    }

    [Theory]
    [InlineData("AWS::AccountId", "111111111111")]
    [InlineData("AWS::Region", "eu-west-1")]
    [InlineData("AWS::Partition", "aws")]
    [InlineData("AWS::URLSuffix", "amazonaws.com")]
    [InlineData("AWS::StackName", "TestStack")]
    public async Task Pseudo_parameters_describe_the_target_account_region_and_stack(string pseudo, string expected) =>
        Assert.Equal(expected, await OutputAsync($$"""{ "Ref": "{{pseudo}}" }"""));

    [Fact]
    public async Task Stack_id_is_a_cloudformation_stack_arn_in_the_target_account()
    {
        var stack = await _harness.DeployAsync("""
            { "Resources": { "A": { "Type": "Test::Thing" } }, "Outputs": { "Id": { "Value": { "Ref": "AWS::StackId" } } } }
            """);
        Assert.StartsWith("arn:aws:cloudformation:eu-west-1:111111111111:stack/TestStack/", stack.Output("Id"));
        Assert.Equal(stack.StackId, stack.Output("Id"));
    }

    [Fact]
    public async Task Join_concatenates_resolved_values_with_the_delimiter() =>
        Assert.Equal("arn:aws:events:eu-west-1:111111111111:event-bus/thing-Bus", await OutputAsync("""
            { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":events:", { "Ref": "AWS::Region" }, ":", { "Ref": "AWS::AccountId" }, ":event-bus/", { "Ref": "Bus" }]] }
            """));

    [Fact]
    public async Task Sub_replaces_refs_attributes_pseudo_parameters_and_keeps_escaped_literals() =>
        Assert.Equal("thing-Bus in eu-west-1 arn:aws:test:eu-west-1:111111111111:thing-Bus ${Literal}", await OutputAsync("""
            { "Fn::Sub": "${Bus} in ${AWS::Region} ${Bus.Arn} ${!Literal}" }
            """));

    [Fact]
    public async Task Sub_with_a_variable_map_prefers_the_map_and_resolves_its_values() =>
        Assert.Equal("prefix-thing-Bus/111111111111", await OutputAsync("""
            { "Fn::Sub": ["prefix-${Name}/${AWS::AccountId}", { "Name": { "Ref": "Bus" } }] }
            """));

    [Fact]
    public async Task Select_and_Split_pick_a_piece_of_a_string() =>
        Assert.Equal("111111111111", await OutputAsync("""
            { "Fn::Select": [4, { "Fn::Split": [":", { "Fn::GetAtt": ["Bus", "Arn"] }] }] }
            """));

    [Fact]
    public async Task Select_accepts_a_string_index_and_GetAZs_lists_zones_of_the_region() =>
        Assert.Equal("eu-west-1b", await OutputAsync("""{ "Fn::Select": ["1", { "Fn::GetAZs": "" }] }"""));

    [Fact]
    public async Task Base64_encodes_the_utf8_text() =>
        Assert.Equal("aGVsbG8gdGhpbmctQnVz", await OutputAsync("""{ "Fn::Base64": { "Fn::Sub": "hello ${Bus}" } }"""));

    [Fact]
    public async Task FindInMap_reads_a_second_level_value_keyed_by_region() =>
        Assert.Equal("small", await OutputAsync(
            """{ "Fn::FindInMap": ["Sizes", { "Ref": "AWS::Region" }, "Size"] }""",
            """ "Mappings": { "Sizes": { "eu-west-1": { "Size": "small" }, "us-east-1": { "Size": "large" } } }, """));

    [Fact]
    public async Task ImportValue_reads_an_export_of_a_stack_deployed_earlier_in_the_same_account_and_region()
    {
        await _harness.DeployAsync("""
            { "Resources": { "Bus": { "Type": "Test::Thing" } },
              "Outputs": { "BusArn": { "Value": { "Fn::GetAtt": ["Bus", "Arn"] }, "Export": { "Name": "shared-bus-arn" } } } }
            """, "Exporter");

        var importer = await _harness.DeployAsync("""
            { "Resources": { "Rule": { "Type": "Test::Other", "Properties": { "Target": { "Fn::ImportValue": "shared-bus-arn" } } } } }
            """, "Importer");

        Assert.Equal("arn:aws:test:eu-west-1:111111111111:thing-Bus", _harness.Others.PropertiesOf("Rule")["Target"]!.GetValue<string>());
        Assert.Equal("shared-bus-arn", _harness.Stacks.Find(DeployerHarness.Orchestrator, "Exporter")!.Outputs["BusArn"].ExportName);
        Assert.Equal("Importer", importer.StackName);
    }

    [Fact]
    public async Task ImportValue_does_not_see_exports_of_another_account()
    {
        await _harness.DeployAsync("""
            { "Resources": { "Bus": { "Type": "Test::Thing" } }, "Outputs": { "O": { "Value": "x", "Export": { "Name": "only-here" } } } }
            """, "Exporter", account: new("222222222222", "eu-west-1"));

        var message = await _harness.FailureOfAsync("""
            { "Resources": { "Rule": { "Type": "Test::Other", "Properties": { "Target": { "Fn::ImportValue": "only-here" } } } } }
            """);

        Assert.Contains("no export named only-here found in 111111111111/eu-west-1", message);
    }

    [Fact]
    public async Task NoValue_removes_the_property_and_the_list_element_it_stands_in()
    {
        await _harness.DeployAsync("""
            { "Resources": { "A": { "Type": "Test::Thing", "Properties": {
                "Gone": { "Ref": "AWS::NoValue" }, "Kept": "yes", "List": ["a", { "Ref": "AWS::NoValue" }, "b"] } } } }
            """);

        var properties = _harness.Things.PropertiesOf("A");
        Assert.False(properties.ContainsKey("Gone"));
        Assert.Equal("""{"Kept":"yes","List":["a","b"]}""", properties.ToJsonString());
    }

    [Fact]
    public async Task Nested_intrinsics_in_properties_are_resolved_before_the_provider_sees_them()
    {
        await _harness.DeployAsync("""
            { "Resources": {
                "Bus": { "Type": "Test::Thing" },
                "Rule": { "Type": "Test::Other", "Properties": { "Targets": [{ "Arn": { "Fn::GetAtt": ["Bus", "Arn"] }, "Id": "T1" }] } } } }
            """);

        Assert.Equal("""{"Targets":[{"Arn":"arn:aws:test:eu-west-1:111111111111:thing-Bus","Id":"T1"}]}""",
            _harness.Others.PropertiesOf("Rule").ToJsonString());
    }

    [Fact]
    public async Task An_unknown_intrinsic_fails_naming_the_resource_and_property()
    {
        var message = await _harness.FailureOfAsync("""
            { "Resources": { "Fn": { "Type": "Test::Thing", "Properties": { "Code": { "Fn::Magic": "x" } } } } }
            """);

        Assert.Contains("resource Fn (Test::Thing) failed", message);
        Assert.Contains("Resources.Fn.Properties.Code.Fn::Magic: unsupported intrinsic function Fn::Magic", message);
    }

    [Fact]
    public async Task A_reference_to_an_undeclared_name_fails_clearly()
    {
        var message = await _harness.FailureOfAsync("""
            { "Resources": { "A": { "Type": "Test::Thing", "Properties": { "X": { "Ref": "Nowhere" } } } } }
            """);

        Assert.Contains("unresolved reference [Nowhere]", message);
    }

    [Fact]
    public async Task GetAtt_of_an_attribute_the_provider_does_not_return_fails_naming_it()
    {
        var message = await _harness.FailureOfAsync("""
            { "Resources": { "Bus": { "Type": "Test::Thing" }, "B": { "Type": "Test::Other", "Properties": { "X": { "Fn::GetAtt": ["Bus", "Colour"] } } } } }
            """);

        Assert.Contains("resource Bus (Test::Thing) has no attribute 'Colour'", message);
    }
}
