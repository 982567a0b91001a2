using Amazon.CDK.AWS.StepFunctions;
using Choreo.Contracts;
using Choreo.Orchestrator.Observability;
using Constructs;

namespace Choreo.Orchestrator.Workflow;

/// <summary>
/// The main (Standard) state machine of the article: GetUsers → ProcessMultiple (a Map over the names, one
/// GetUserProfile per person) → GenerateReport → Success. Every step only puts an event and waits for its
/// task token; the state keeps the names (<c>$.names</c>) and the report's summary (<c>$.report</c>), while
/// the bulky data stays in the worker's bucket.
/// </summary>
public sealed class EventDrivenMachine : Construct
{
    public const string GetUsersState = "GetUsers";
    public const string ProcessMultipleState = "ProcessMultiple";
    public const string GetUserProfileState = "GetUserProfile";
    public const string GenerateReportState = "GenerateReport";
    public const string SuccessState = "Success";

    public StateMachine StateMachine { get; }

    public EventDrivenMachine(Construct scope, string id, EventDrivenMachineProps props) : base(scope, id)
    {
        if (props.MapMaxConcurrency < 1)
        {
            throw new ArgumentException($"EventDrivenMachine: MapMaxConcurrency is {props.MapMaxConcurrency}; it must be 1 or more (0 would mean unbounded fan-out).", nameof(props));
        }

        var failed = new Fail(this, "Failed", new FailProps
        {
            Comment = "Reports which step failed and why (the worker's error and cause, or the timeout).",
            ErrorPath = "$.Error",
            CausePath = "$.Cause",
        });

        var getUsers = new WorkerStep(this, GetUsersState, new WorkerStepProps(
            props.Bus,
            DetailTypes.GetUsers,
            // The execution input may be {} (the article's start event), so the options are read whole:
            // a JSONPath to a missing field would fail the step on AWS.
            new Dictionary<string, object> { ["options"] = JsonPath.ExecutionInput },
            props.GetUsersTimeout,
            ResultSelector: new Dictionary<string, object> { ["names"] = JsonPath.ListAt("$.names") },
            ResultPath: JsonPath.EntirePayload));
        new StepFailure(this, GetUsersState, GetUsersState, [], props.GetUsersTimeout, failed).CatchOn(getUsers);

        var getUserProfile = new WorkerStep(this, GetUserProfileState, new WorkerStepProps(
            props.Bus,
            DetailTypes.GetUserProfile,
            new Dictionary<string, object>
            {
                ["execution"] = JsonPath.StringAt("$.execution"),
                ["name"] = JsonPath.StringAt("$.name"),
                ["index"] = JsonPath.NumberAt("$.index"),
            },
            props.PerPersonTimeout,
            // Each iteration returns only who was processed, so the Map's result stays small.
            ResultSelector: new Dictionary<string, object> { ["processed"] = JsonPath.StringAt("$.processed") },
            ResultPath: JsonPath.EntirePayload));
        var personFailed = new Fail(this, "PersonFailed", new FailProps
        {
            Comment = "Fails this person's iteration, which fails ProcessMultiple with the same error and cause.",
            ErrorPath = "$.Error",
            CausePath = "$.Cause",
        });
        new StepFailure(this, GetUserProfileState, GetUserProfileState + " for item {} ({}) of {}", ["$.index", "$.name", "$.stateName"], props.PerPersonTimeout, personFailed)
            .CatchOn(getUserProfile);

        var processMultiple = new Map(this, ProcessMultipleState, new MapProps
        {
            ItemsPath = "$.names",
            MaxConcurrency = props.MapMaxConcurrency,
            ItemSelector = new Dictionary<string, object>
            {
                ["name"] = JsonPath.StringAt("$$.Map.Item.Value"),
                ["index"] = JsonPath.NumberAt("$$.Map.Item.Index"),
                ["execution"] = JsonPath.ExecutionId,
                ["stateName"] = JsonPath.StateName,
            },
            // The per-person results live in the worker's bucket under known keys; the state keeps only the names.
            ResultPath = JsonPath.DISCARD,
        });
        processMultiple.ItemProcessor(getUserProfile);
        new StepFailure(this, ProcessMultipleState, ProcessMultipleState, [], null, failed, namesError: false).CatchOn(processMultiple);

        var generateReport = new WorkerStep(this, GenerateReportState, new WorkerStepProps(
            props.Bus,
            DetailTypes.GenerateReport,
            new Dictionary<string, object> { ["names"] = JsonPath.ListAt("$.names") },
            props.ReportTimeout,
            props.ReportHeartbeat,
            ResultSelector: new Dictionary<string, object>
            {
                ["numberOfPeople"] = JsonPath.NumberAt("$.numberOfPeople"),
                ["totalCookiesConsumed"] = JsonPath.NumberAt("$.totalCookiesConsumed"),
                ["key"] = JsonPath.StringAt("$.report"),
            },
            ResultPath: "$.report"));
        new StepFailure(this, GenerateReportState, GenerateReportState, [], props.ReportTimeout, failed).CatchOn(generateReport);

        var definition = getUsers
            .Next(processMultiple)
            .Next(generateReport)
            .Next(new Succeed(this, SuccessState));

        StateMachine = new StateMachine(this, "Resource", new StateMachineProps
        {
            DefinitionBody = DefinitionBody.FromChainable(definition),
            StateMachineType = StateMachineType.STANDARD,
            TracingEnabled = true,
            Logs = ExecutionLogging.For(this, props.LogLevel),
        });
    }
}
