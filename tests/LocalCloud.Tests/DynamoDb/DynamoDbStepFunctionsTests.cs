using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Api;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.DynamoDb;

public sealed class DynamoDbStepFunctionsTests
{
    private static readonly AccountContext Orchestrator = new("111111111111", "us-east-1");

    private static async Task<(DynamoDbApi DynamoDb, StepFunctionsService StepFunctions)> ServicesAsync()
    {
        var clock = new VirtualClock();
        var dynamoDb = new DynamoDbApi(new DynamoDbTables(), clock);
        await dynamoDb.CallAsync(Orchestrator, "CreateTable", JsonNode.Parse("""
            {"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}
            """)!.AsObject(), CancellationToken.None);
        return (dynamoDb, new StepFunctionsService(clock, dynamoDb: dynamoDb));
    }

    private static async Task<ExecutionRun> RunAsync(StepFunctionsService service, string definition, string input = "{}")
    {
        var created = await service.HandleAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "m", ["definition"] = definition, ["roleArn"] = "arn:aws:iam::111111111111:role/sfn",
        }, Orchestrator, CancellationToken.None);
        var started = await service.HandleAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = created["stateMachineArn"]!.GetValue<string>(), ["input"] = input,
        }, Orchestrator, CancellationToken.None);
        service.TryGetExecution(started["executionArn"]!.GetValue<string>(), out var run);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        return run;
    }

    [Fact]
    public async Task Optimized_put_and_get_item_write_and_read_the_executions_account_table()
    {
        var (_, stepFunctions) = await ServicesAsync();
        var run = await RunAsync(stepFunctions, """
            {"StartAt":"Put","States":{
              "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                "Parameters":{"TableName":"jobs","Item":{"id":{"S.$":"$.id"},"state":{"S":"running"}}},"ResultPath":null,"Next":"Get"},
              "Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem",
                "Parameters":{"TableName":"jobs","Key":{"id":{"S.$":"$.id"}}},"OutputPath":"$.Item.state.S","End":true}}}
            """, """{"id":"job-7"}""");
        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("\"running\"", run.Output);
    }

    [Fact]
    public async Task A_failed_condition_is_caught_as_DynamoDB_ConditionalCheckFailedException()
    {
        var (_, stepFunctions) = await ServicesAsync();
        var run = await RunAsync(stepFunctions, """
            {"StartAt":"Claim","States":{
              "Claim":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem",
                "Parameters":{"TableName":"jobs","Key":{"id":{"S":"j"}},"UpdateExpression":"SET claimed = :t",
                  "ConditionExpression":"attribute_exists(id)","ExpressionAttributeValues":{":t":{"BOOL":true}}},
                "Catch":[{"ErrorEquals":["DynamoDB.ConditionalCheckFailedException"],"Next":"Busy"}],"End":true},
              "Busy":{"Type":"Succeed"}}}
            """);
        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Contains("\"Error\":\"DynamoDB.ConditionalCheckFailedException\"", run.Output);
    }

    [Fact]
    public async Task The_sdk_integration_runs_any_action_and_names_errors_DynamoDb()
    {
        var (dynamoDb, stepFunctions) = await ServicesAsync();
        await dynamoDb.CallAsync(Orchestrator, "PutItem", JsonNode.Parse("""{"TableName":"jobs","Item":{"id":{"S":"a"}}}""")!.AsObject(), CancellationToken.None);
        var run = await RunAsync(stepFunctions, """
            {"StartAt":"Scan","States":{
              "Scan":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:scan","Parameters":{"TableName":"jobs"},
                "ResultSelector":{"count.$":"$.Count"},"Next":"Missing"},
              "Missing":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:describeTable","Parameters":{"TableName":"nope"},"End":true}}}
            """);
        Assert.Equal(ExecutionStatus.FAILED, run.Status);
        Assert.Equal("DynamoDb.ResourceNotFoundException", run.Error);
        Assert.Contains(run.History.Snapshot(), e => e.Type == "TaskSucceeded");
    }
}
