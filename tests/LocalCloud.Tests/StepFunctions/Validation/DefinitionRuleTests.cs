using static LocalCloud.Tests.StepFunctions.Validation.ValidationCalls;

namespace LocalCloud.Tests.StepFunctions.Validation;

/// <summary>
/// Each rule as a pair: a definition AWS refuses (with AWS's code and location) and its nearest sibling AWS accepts,
/// both through ValidateStateMachineDefinition.
/// </summary>
public sealed class DefinitionRuleTests
{
    private const string Pass = """{"Type":"Pass","End":true}""";
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:my-fn";
    private const string Inner = """{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}""";

    private static string Task(string fields) => Machine(
        "\"S\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents.waitForTaskToken\"," +
        "\"Parameters\":{\"Entries\":[{\"Detail\":{\"TaskToken.$\":\"$$.Task.Token\"}}]}," + fields + "\"End\":true}");

    private static string Distributed(string fields, string config = """{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"}""") => Machine(
        "\"S\":{\"Type\":\"Map\",\"ItemProcessor\":{\"ProcessorConfig\":" + config +
        ",\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}}," + fields + "\"End\":true}");

    /// <summary>A Distributed Map whose child workflow runs one Task on <paramref name="resource"/> (inside a Parallel when nested).</summary>
    private static string DistributedChild(string executionType, string resource, bool nested = false)
    {
        var task = "{\"Type\":\"Task\",\"Resource\":\"" + resource + "\",\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}";
        var child = nested ? "{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"A\",\"States\":{\"A\":" + task + "}}],\"End\":true}" : task;
        return Machine("\"S\":{\"Type\":\"Map\",\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"" + executionType +
                       "\"},\"StartAt\":\"I\",\"States\":{\"I\":" + child + "}},\"End\":true}");
    }

    private static string Labelled(string name, string label) =>
        "{\"StartAt\":\"" + name + "\",\"States\":{\"" + name + "\":{\"Type\":\"Map\",\"Label\":\"" + label + "\",\"ItemProcessor\":{\"ProcessorConfig\":" +
        "{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"EXPRESS\"},\"StartAt\":\"" + name + "I\",\"States\":{\"" + name + "I\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";

    private static string Fields(string parameters) => Machine($$"""
        "S":{"Type":"Pass","Parameters":{{parameters}},"End":true}
        """);

    public static TheoryData<string, string, string, string, string> Pairs => new()
    {
        // rule, refused, accepted, AWS code, AWS location
        {
            "duplicate key at the top",
            """{"StartAt":"S","StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}""",
            Machine($"\"S\":{Pass}"),
            "INVALID_JSON_DESCRIPTION", "[Source: (String)\"{\"StartAt\":\"S\",\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"End\":true}}}\"; line: 1, column: 26]"
        },
        {
            "duplicate key inside a state",
            Machine("""
                "S":{"Type":"Pass","End":true,"End":true}
                """),
            Machine($"\"S\":{Pass}"),
            "INVALID_JSON_DESCRIPTION", string.Empty
        },
        {
            "duplicate key inside Parameters",
            Fields("""{"a":1,"a":2}"""),
            Fields("""{"a":1,"b":2}"""),
            "INVALID_JSON_DESCRIPTION", string.Empty
        },
        {
            "duplicate state name in one States object",
            Machine($$"""
                "S":{"Type":"Pass","Next":"T"},"T":{{Pass}},"T":{{Pass}}
                """),
            Machine($$"""
                "S":{"Type":"Pass","Next":"T"},"T":{{Pass}}
                """),
            "DUPLICATE_STATE_NAME", "/States/T"
        },
        {
            "duplicate state name inside a Map processor",
            Machine("""
                "S":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true},"I":{"Type":"Pass","End":true}}},"End":true}
                """),
            Machine($$"""
                "S":{"Type":"Map","ItemProcessor":{{Inner}},"End":true}
                """),
            "DUPLICATE_STATE_NAME", "/States/S/ItemProcessor/States/I"
        },
        {
            "one state name in two Parallel branches",
            Machine($$"""
                "S":{"Type":"Parallel","Branches":[{{Inner}},{{Inner}}],"End":true}
                """),
            Machine("\"S\":{\"Type\":\"Parallel\",\"Branches\":[" + Inner + ",{\"StartAt\":\"J\",\"States\":{\"J\":" + Pass + "}}],\"End\":true}"),
            "DUPLICATE_STATE_NAME", "/States/S/Branches/1/States/I"
        },
        {
            "an unreachable state",
            Machine($$"""
                "S":{{Pass}},"Orphan":{{Pass}}
                """),
            Machine($$"""
                "S":{"Type":"Pass","Next":"Orphan"},"Orphan":{{Pass}}
                """),
            "MISSING_TRANSITION_TARGET", "/States/Orphan"
        },
        {
            "no terminal state",
            Machine("""
                "S":{"Type":"Pass","Next":"T"},"T":{"Type":"Pass","Next":"S"}
                """),
            Machine("""
                "S":{"Type":"Pass","Next":"T"},"T":{"Type":"Choice","Choices":[{"Variable":"$.again","BooleanEquals":true,"Next":"S"}],"Default":"Done"},"Done":{"Type":"Succeed"}
                """),
            "MISSING_END_STATE", "/"
        },
        {
            "HeartbeatSeconds not smaller than TimeoutSeconds",
            Task("\"TimeoutSeconds\":60,\"HeartbeatSeconds\":60,"),
            Task("\"TimeoutSeconds\":60,\"HeartbeatSeconds\":59,"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/HeartbeatSeconds"
        },
        {
            "TimeoutSeconds of the wrong type",
            Task("\"TimeoutSeconds\":\"60\","),
            Task("\"TimeoutSeconds\":60,"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/TimeoutSeconds"
        },
        {
            "TimeoutSeconds above AWS's range",
            Task("\"TimeoutSeconds\":100000000,"),
            Task("\"TimeoutSeconds\":99999999,"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/TimeoutSeconds"
        },
        {
            "HeartbeatSeconds with a fraction",
            Task("\"HeartbeatSeconds\":1.5,"),
            Task("\"HeartbeatSeconds\":2,"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/HeartbeatSeconds"
        },
        {
            "TimeoutSeconds and TimeoutSecondsPath together",
            Task("\"TimeoutSeconds\":60,\"TimeoutSecondsPath\":\"$.timeout\","),
            Task("\"TimeoutSecondsPath\":\"$.timeout\","),
            "SCHEMA_VALIDATION_FAILED", "/States/S"
        },
        {
            "Credentials without RoleArn",
            Task("\"Credentials\":{\"Role\":\"arn:aws:iam::123456789012:role/r\"},"),
            Task("\"Credentials\":{\"RoleArn\":\"arn:aws:iam::123456789012:role/r\"},"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Credentials"
        },
        {
            "Credentials that are not an object",
            Task("\"Credentials\":\"arn:aws:iam::123456789012:role/r\","),
            Task("\"Credentials\":{\"RoleArn.$\":\"$.role\"},"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Credentials"
        },
        {
            "a Parallel branch that is not a state machine",
            Machine("""
                "S":{"Type":"Parallel","Branches":["I"],"End":true}
                """),
            Machine($$"""
                "S":{"Type":"Parallel","Branches":[{{Inner}}],"End":true}
                """),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Branches/0"
        },
        {
            "a Parallel branch without StartAt",
            Machine("""
                "S":{"Type":"Parallel","Branches":[{"States":{"I":{"Type":"Pass","End":true}}}],"End":true}
                """),
            Machine($$"""
                "S":{"Type":"Parallel","Branches":[{{Inner}}],"End":true}
                """),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Branches/0"
        },
        {
            "States.MathAdd with three arguments",
            Fields("""{"sum.$":"States.MathAdd($.a, 1, 2)"}"""),
            Fields("""{"sum.$":"States.MathAdd($.a, 1)"}"""),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Parameters"
        },
        {
            "States.MathAdd with a string literal",
            Fields("""{"sum.$":"States.MathAdd($.a, 'one')"}"""),
            Fields("""{"sum.$":"States.MathAdd($.a, -1)"}"""),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Parameters"
        },
        {
            "States.UUID with an argument, nested in a call",
            Fields("""{"id.$":"States.Format('id-{}', States.UUID(1))"}"""),
            Fields("""{"id.$":"States.Format('id-{}', States.UUID())"}"""),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Parameters"
        },
        {
            "States.JsonMerge asked for a deep merge",
            Fields("""{"m.$":"States.JsonMerge($.a, $.b, true)"}"""),
            Fields("""{"m.$":"States.JsonMerge($.a, $.b, false)"}"""),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Parameters"
        },
        {
            "an intrinsic in ErrorPath with the wrong arity",
            Machine("""
                "S":{"Type":"Fail","ErrorPath":"States.JsonToString()","CausePath":"$.cause"}
                """),
            Machine("""
                "S":{"Type":"Fail","ErrorPath":"States.JsonToString($.code)","CausePath":"$.cause"}
                """),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ErrorPath"
        },
        {
            "a Lambda ARN with a qualifier after the qualifier",
            Machine($$"""
                "S":{"Type":"Task","Resource":"{{Lambda}}:live:1","End":true}
                """),
            Machine($$"""
                "S":{"Type":"Task","Resource":"{{Lambda}}:live","End":true}
                """),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Resource"
        },
        {
            "a Lambda ARN with the version before the function",
            Machine("""
                "S":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:1:my-fn:x","End":true}
                """),
            Machine($$"""
                "S":{"Type":"Task","Resource":"{{Lambda}}:1","End":true}
                """),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Resource"
        },
        {
            "ToleratedFailurePercentage above 100",
            Distributed("\"ToleratedFailurePercentage\":101,"),
            Distributed("\"ToleratedFailurePercentage\":100,"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ToleratedFailurePercentage"
        },
        {
            "ToleratedFailurePercentage below 0",
            Distributed("\"ToleratedFailurePercentage\":-1,"),
            Distributed("\"ToleratedFailurePercentage\":0,"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ToleratedFailurePercentage"
        },
        {
            "ToleratedFailureCount and its Path together",
            Distributed("\"ToleratedFailureCount\":1,\"ToleratedFailureCountPath\":\"$.n\","),
            Distributed("\"ToleratedFailureCountPath\":\"$.n\","),
            "SCHEMA_VALIDATION_FAILED", "/States/S"
        },
        {
            "a Distributed Map without ExecutionType",
            Distributed(string.Empty, """{"Mode":"DISTRIBUTED"}"""),
            Distributed(string.Empty, """{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"}"""),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ItemProcessor/ProcessorConfig"
        },
        {
            "an unknown ProcessorConfig Mode",
            Distributed(string.Empty, """{"Mode":"DISTRIBUTD","ExecutionType":"STANDARD"}"""),
            Distributed(string.Empty, """{"Mode":"INLINE"}"""),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ItemProcessor/ProcessorConfig/Mode"
        },
        {
            "a batch larger than 256 KiB",
            Distributed("\"ItemBatcher\":{\"MaxInputBytesPerBatch\":262145},"),
            Distributed("\"ItemBatcher\":{\"MaxInputBytesPerBatch\":262144},"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ItemBatcher/MaxInputBytesPerBatch"
        },
        {
            "an ItemReader that does not read S3",
            Distributed("\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:putObject\",\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},"),
            Distributed("\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"JSON\"},\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ItemReader/Resource"
        },
        {
            "a CSV reader with GIVEN headers but no headers",
            Distributed("\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\"},\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},"),
            Distributed("\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"a\"]},\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ItemReader/ReaderConfig"
        },
        {
            "a ResultWriter that does not write S3",
            Distributed("\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"Parameters\":{\"Bucket\":\"b\",\"Prefix\":\"p\"}},"),
            Distributed("\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\",\"Parameters\":{\"Bucket\":\"b\",\"Prefix\":\"p\"}},"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ResultWriter/Resource"
        },
        {
            "a Label with a forbidden character",
            Distributed("\"Label\":\"label_{x}\","),
            Distributed("\"Label\":\"label_x\","),
            "INVALID_LABEL_NAME", "/States/S/Label"
        },
        {
            "a Label longer than 40 characters",
            Distributed($"\"Label\":\"{new string('a', 41)}\","),
            Distributed($"\"Label\":\"{new string('a', 40)}\","),
            "INVALID_LABEL_NAME", "/States/S/Label"
        },
        {
            "one Label on two Map states",
            Machine("\"S\":{\"Type\":\"Parallel\",\"Branches\":[" + Labelled("A", "people") + "," + Labelled("B", "people") + "],\"End\":true}"),
            Machine("\"S\":{\"Type\":\"Parallel\",\"Branches\":[" + Labelled("A", "people") + "," + Labelled("B", "cookies") + "],\"End\":true}"),
            "DUPLICATE_LABEL_NAME", "/States/S/Branches/1/States/B/Label"
        },
        {
            "MaxConcurrency and MaxConcurrencyPath together",
            Distributed("\"MaxConcurrency\":2,\"MaxConcurrencyPath\":\"$.n\","),
            Distributed("\"MaxConcurrencyPath\":\"$.n\","),
            "SCHEMA_VALIDATION_FAILED", "/States/S"
        },
        {
            "an unknown QueryLanguage",
            """{"QueryLanguage":"JSONPointer","StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}""",
            """{"QueryLanguage":"JSONPath","StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}""",
            "SCHEMA_VALIDATION_FAILED", "/QueryLanguage"
        },
        {
            "a machine TimeoutSeconds of zero",
            """{"TimeoutSeconds":0,"StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}""",
            """{"TimeoutSeconds":1,"StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}""",
            "SCHEMA_VALIDATION_FAILED", "/TimeoutSeconds"
        },
        {
            "a missing transition target",
            Machine("""
                "S":{"Type":"Pass","Next":"Nowhere"}
                """),
            Machine($$"""
                "S":{"Type":"Pass","Next":"Nowhere"},"Nowhere":{{Pass}}
                """),
            "MISSING_TRANSITION_TARGET", "/States/S/Next"
        },
        {
            "a state name longer than 80 characters",
            Machine($"\"{new string('n', 81)}\":{Pass}", new string('n', 81)),
            Machine($"\"{new string('n', 80)}\":{Pass}", new string('n', 80)),
            "INVALID_STATE_NAME", $"/States/{new string('n', 81)}"
        },
        {
            "a state name longer than 80 characters inside a Parallel branch",
            Machine("\"S\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"" + new string('b', 81) + "\",\"States\":{\"" + new string('b', 81) + "\":" + Pass + "}}],\"End\":true}"),
            Machine("\"S\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"" + new string('b', 80) + "\",\"States\":{\"" + new string('b', 80) + "\":" + Pass + "}}],\"End\":true}"),
            "INVALID_STATE_NAME", $"/States/S/Branches/0/States/{new string('b', 81)}"
        },
        {
            "an EXPRESS Distributed Map child waiting for a task token",
            DistributedChild("EXPRESS", "arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
            DistributedChild("STANDARD", "arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ItemProcessor/States/I/Resource"
        },
        {
            "an EXPRESS Distributed Map child running a .sync integration",
            DistributedChild("EXPRESS", "arn:aws:states:::states:startExecution.sync:2"),
            DistributedChild("EXPRESS", "arn:aws:states:::states:startExecution"),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ItemProcessor/States/I/Resource"
        },
        {
            "an activity inside a Parallel inside an EXPRESS Distributed Map child",
            DistributedChild("EXPRESS", "arn:aws:states:us-east-1:123456789012:activity:review", nested: true),
            DistributedChild("STANDARD", "arn:aws:states:us-east-1:123456789012:activity:review", nested: true),
            "SCHEMA_VALIDATION_FAILED", "/States/S/ItemProcessor/States/I/Branches/0/States/A/Resource"
        },
        {
            "a JSONPath-only field in a JSONata machine",
            """{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Parameters":{"a":1},"End":true}}}""",
            """{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Output":{"a":1},"End":true}}}""",
            "SCHEMA_VALIDATION_FAILED", "/States/S/Parameters"
        },
        {
            "a JSONPath-only field in one JSONata state",
            """{"StartAt":"S","States":{"S":{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.r","Arguments":{"FunctionName":"f"},"End":true}}}""",
            """{"StartAt":"S","States":{"S":{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke","Output":"{% $states.result %}","Arguments":{"FunctionName":"f"},"End":true}}}""",
            "SCHEMA_VALIDATION_FAILED", "/States/S/ResultPath"
        },
        {
            "a missing transition target in a JSONata machine",
            """{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Next":"Nowhere"}}}""",
            """{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Next":"Nowhere"},"Nowhere":{"Type":"Succeed"}}}""",
            "MISSING_TRANSITION_TARGET", "/States/S/Next"
        },
        {
            "a JSONata Choice rule without a target",
            """{"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n > 1 %}","Next":"Big"}],"Default":"Small"},"Small":{"Type":"Succeed"}}}""",
            """{"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n > 1 %}","Next":"Big"}],"Default":"Small"},"Small":{"Type":"Succeed"},"Big":{"Type":"Succeed"}}}""",
            "MISSING_TRANSITION_TARGET", "/States/C/Choices/0/Next"
        },
        {
            "an unknown state type in a JSONata machine",
            """{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Sleep","End":true}}}""",
            """{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Wait","Seconds":1,"End":true}}}""",
            "SCHEMA_VALIDATION_FAILED", "/States/S/Type"
        },
        {
            "a JSONata state name longer than 80 characters",
            "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"" + new string('j', 81) + "\",\"States\":{\"" + new string('j', 81) + "\":{\"Type\":\"Succeed\"}}}",
            "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"" + new string('j', 80) + "\",\"States\":{\"" + new string('j', 80) + "\":{\"Type\":\"Succeed\"}}}",
            "INVALID_STATE_NAME", $"/States/{new string('j', 81)}"
        },
        {
            "an unknown state type",
            Machine("""
                "S":{"Type":"Sleep","End":true}
                """),
            Machine("""
                "S":{"Type":"Wait","Seconds":1,"End":true}
                """),
            "SCHEMA_VALIDATION_FAILED", "/States/S/Type"
        },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task AWS_refuses_the_definition_and_accepts_its_nearest_sibling(string rule, string refused, string accepted, string code, string location)
    {
        var refusal = await ValidationCalls.ValidateAsync(refused);
        Assert.True(refusal["result"]!.GetValue<string>() == "FAIL", $"{rule}: expected FAIL, got {Diagnostics(refusal)}");
        var diagnostics = refusal["diagnostics"]!.AsArray();
        Assert.Contains(diagnostics, d => d!["code"]!.GetValue<string>() == code &&
                                          (location.Length == 0 || d["location"]?.GetValue<string>() == location) &&
                                          d["severity"]!.GetValue<string>() == "ERROR");

        var acceptance = await ValidationCalls.ValidateAsync(accepted);
        Assert.True(acceptance["result"]!.GetValue<string>() == "OK", $"{rule}: sibling expected OK, got {Diagnostics(acceptance)}");
    }
}
