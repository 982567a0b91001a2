using Choreo.LocalCloud.CloudFormation.Iam;

namespace LocalCloud.Tests.CloudFormation;

public sealed class IamProviderTests
{
    private readonly IamRegistry _iam = new();

    private DeployerHarness Harness() => new([.. IamResourceProviders.For(_iam)]);

    [Fact]
    public async Task A_role_is_recorded_with_its_arn_and_id_and_policies_attach_to_it()
    {
        var stack = await Harness().DeployAsync("""
            { "Resources": {
                "Role": { "Type": "AWS::IAM::Role", "Properties": {
                  "AssumeRolePolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": { "Service": "events.amazonaws.com" } }] },
                  "ManagedPolicyArns": [{ "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]] }] } },
                "Policy": { "Type": "AWS::IAM::Policy", "Properties": {
                  "PolicyName": "PutEventsOnPeerBus", "Roles": [{ "Ref": "Role" }],
                  "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "events:PutEvents", "Resource": "*" }] } } },
                "Managed": { "Type": "AWS::IAM::ManagedPolicy", "Properties": {
                  "ManagedPolicyName": "ReadBucket", "Roles": [{ "Ref": "Role" }], "PolicyDocument": { "Statement": [] } } } },
              "Outputs": { "RoleArn": { "Value": { "Fn::GetAtt": ["Role", "Arn"] } }, "ManagedArn": { "Value": { "Ref": "Managed" } } } }
            """, "Orchestrator");

        var roleName = stack.Resource("Role").PhysicalId;
        Assert.StartsWith("Orchestrator-Role-", roleName);
        Assert.Equal($"arn:aws:iam::111111111111:role/{roleName}", stack.Output("RoleArn"));
        Assert.Equal("arn:aws:iam::111111111111:policy/ReadBucket", stack.Output("ManagedArn"));

        var role = _iam.FindRole("111111111111", roleName)!;
        Assert.StartsWith("AROA", role.RoleId);
        Assert.Equal(21, role.RoleId.Length);
        Assert.Equal(role, _iam.FindRoleByArn(stack.Output("RoleArn")));
        Assert.Equal(["PutEventsOnPeerBus"], role.InlinePolicies.Select(p => p.PolicyName));
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::111111111111:policy/ReadBucket"], role.ManagedPolicyArns);
        Assert.Equal("events:PutEvents", _iam.Policies("111111111111").Single().Document!["Statement"]![0]!["Action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generated_role_names_are_deterministic_and_at_most_64_characters()
    {
        const string template = """{ "Resources": { "AVeryLongLogicalIdForTheRoleThatCdkGeneratesFromTheConstructPath1234ABCD": { "Type": "AWS::IAM::Role" } } }""";
        var first = await Harness().DeployAsync(template, "ALongStackNameForTheOrchestratorAccount");
        var second = await new DeployerHarness([.. IamResourceProviders.For(new IamRegistry())]).DeployAsync(template, "ALongStackNameForTheOrchestratorAccount");

        var name = first.Resources.Single().PhysicalId;
        Assert.Equal(name, second.Resources.Single().PhysicalId);
        Assert.True(name.Length <= 64, name);
    }

    [Fact]
    public async Task A_named_role_that_already_exists_in_the_account_fails_the_deploy_like_IAM()
    {
        var harness = Harness();
        const string template = """{ "Resources": { "Role": { "Type": "AWS::IAM::Role", "Properties": { "RoleName": "choreo-forwarder" } } } }""";
        await harness.DeployAsync(template, "One");

        var message = await harness.FailureOfAsync(template, "Two");

        Assert.Contains("resource Role (AWS::IAM::Role) failed: Role with name choreo-forwarder already exists.", message);
    }
}
