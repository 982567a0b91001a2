using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Choreo.Contracts;
using Choreo.Contracts.Wire;
using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Workflow;

[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class MainStateMachineTests(SynthesizedOrchestrator synthesized)
{
    private readonly JsonObject _main = Machines.MainMachine(synthesized.Default).Definition;

    private JsonObject State(string name) =>
        TemplateJson.AllStates(_main).Single(s => s.Name == name).State;

    [Fact]
    public void Main_machine_runs_GetUsers_then_ProcessMultiple_then_GenerateReport_then_Success()
    {
        Assert.Equal("GetUsers", _main["StartAt"]!.GetValue<string>());
        Assert.Equal("ProcessMultiple", State("GetUsers")["Next"]!.GetValue<string>());
        Assert.Equal("GenerateReport", State("ProcessMultiple")["Next"]!.GetValue<string>());
        Assert.Equal("Success", State("GenerateReport")["Next"]!.GetValue<string>());
        Assert.Equal("Succeed", State("Success")["Type"]!.GetValue<string>());
        Assert.Equal("GetUserProfile", State("ProcessMultiple")["ItemProcessor"]!["StartAt"]!.GetValue<string>());
    }

    [Fact]
    public void Main_machine_is_standard_traced_and_logged_at_the_configured_level()
    {
        var (id, _) = Machines.MainMachine(synthesized.Default);
        var properties = synthesized.Default.Properties(id);
        Assert.Equal("STANDARD", properties["StateMachineType"]!.GetValue<string>());
        Assert.True(properties["TracingConfiguration"]!["Enabled"]!.GetValue<bool>());
        Assert.Equal("ALL", properties["LoggingConfiguration"]!["Level"]!.GetValue<string>());

        var (tunedId, _) = Machines.MainMachine(synthesized.Tuned);
        Assert.Equal("ERROR", synthesized.Tuned.Properties(tunedId)["LoggingConfiguration"]!["Level"]!.GetValue<string>());
    }

    [Fact]
    public void ProcessMultiple_fans_out_the_names_two_at_a_time_by_default_and_as_configured_otherwise()
    {
        Assert.Equal("$.names", State("ProcessMultiple")["ItemsPath"]!.GetValue<string>());
        Assert.Equal(2, State("ProcessMultiple")["MaxConcurrency"]!.GetValue<int>());

        var tuned = TemplateJson.AllStates(Machines.MainMachine(synthesized.Tuned).Definition).Single(s => s.Name == "ProcessMultiple").State;
        Assert.Equal(5, tuned["MaxConcurrency"]!.GetValue<int>());
    }

    [Fact]
    public void ProcessMultiple_item_selector_gives_each_person_name_index_execution_and_state_name()
    {
        var selector = State("ProcessMultiple")["ItemSelector"]!.AsObject();
        Assert.Equal("$$.Map.Item.Value", selector["name.$"]!.GetValue<string>());
        Assert.Equal("$$.Map.Item.Index", selector["index.$"]!.GetValue<string>());
        Assert.Equal("$$.Execution.Id", selector["execution.$"]!.GetValue<string>());
        Assert.Equal("$$.State.Name", selector["stateName.$"]!.GetValue<string>());
        Assert.Equal(4, selector.Count);
    }

    [Fact]
    public void Every_wait_for_task_token_step_has_a_timeout_and_catches_every_error()
    {
        var waiting = TemplateJson.AllStates(_main)
            .Where(s => s.State["Resource"]?.GetValue<string>().EndsWith(".waitForTaskToken", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(["GenerateReport", "GetUserProfile", "GetUsers"], waiting.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var (name, state) in waiting)
        {
            Assert.True(state["TimeoutSeconds"]?.GetValue<int>() > 0, $"{name} has no TimeoutSeconds");
            var catchers = state["Catch"]?.AsArray() ?? [];
            Assert.Contains(catchers, c => c!["ErrorEquals"]!.AsArray().Any(e => e!.GetValue<string>() == "States.ALL"));
        }
    }

    [Fact]
    public void Waiting_steps_default_to_five_minutes_per_call_and_fifteen_for_the_report()
    {
        Assert.Equal(300, State("GetUsers")["TimeoutSeconds"]!.GetValue<int>());
        Assert.Equal(300, State("GetUserProfile")["TimeoutSeconds"]!.GetValue<int>());
        Assert.Equal(900, State("GenerateReport")["TimeoutSeconds"]!.GetValue<int>());
        Assert.Null(State("GenerateReport")["HeartbeatSeconds"]);
    }

    [Fact]
    public void Configured_timeouts_and_report_heartbeat_reach_the_definition()
    {
        var tuned = TemplateJson.AllStates(Machines.MainMachine(synthesized.Tuned).Definition).ToDictionary(s => s.Name, s => s.State);
        Assert.Equal(30, tuned["GetUsers"]["TimeoutSeconds"]!.GetValue<int>());
        Assert.Equal(45, tuned["GetUserProfile"]["TimeoutSeconds"]!.GetValue<int>());
        Assert.Equal(1200, tuned["GenerateReport"]["TimeoutSeconds"]!.GetValue<int>());
        Assert.Equal(120, tuned["GenerateReport"]["HeartbeatSeconds"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("GetUsers", DetailTypes.GetUsers)]
    [InlineData("GetUserProfile", DetailTypes.GetUserProfile)]
    [InlineData("GenerateReport", DetailTypes.GenerateReport)]
    public void Each_step_puts_its_contract_event_from_the_orchestrator_source(string stateName, string detailType)
    {
        var state = State(stateName);
        Assert.Equal("arn:aws:states:::events:putEvents.waitForTaskToken", state["Resource"]!.GetValue<string>());
        var entry = state["Parameters"]!["Entries"]!.AsArray().Single()!;
        Assert.Equal(detailType, entry["DetailType"]!.GetValue<string>());
        Assert.Equal(Sources.Orchestrator, entry["Source"]!.GetValue<string>());
        Assert.Equal($"arn:aws:events:{SynthesizedOrchestrator.Region}:{SynthesizedOrchestrator.OrchestratorAccount}:event-bus/default", entry["EventBusName"]!.GetValue<string>());

        // The detail's fields are exactly the contract record's (meta is added by the worker, not here).
        var fields = entry["Detail"]!.AsObject().Select(p => p.Key.TrimEnd('$').TrimEnd('.')).Order().ToArray();
        var contract = ContractParser.DetailTypeInfos[detailType].Properties
            .Select(p => p.Name).Where(n => n != "meta").Order().ToArray();
        Assert.Equal(contract, fields);
        Assert.Equal("$$.Task.Token", entry["Detail"]!["TaskToken.$"]!.GetValue<string>());
        Assert.Equal("$$.State.Name", entry["Detail"]!["stateName.$"]!.GetValue<string>());
    }

    [Fact]
    public void GetUsers_sends_the_whole_execution_input_as_options_never_a_path_into_it()
    {
        var detail = State("GetUsers")["Parameters"]!["Entries"]![0]!["Detail"]!;
        Assert.Equal("$$.Execution.Input", detail["options.$"]!.GetValue<string>());
        Assert.Equal("$$.Execution.Id", detail["execution.$"]!.GetValue<string>());
    }

    [Fact]
    public void Each_person_is_sent_with_the_name_index_and_execution_of_its_map_item()
    {
        var detail = State("GetUserProfile")["Parameters"]!["Entries"]![0]!["Detail"]!;
        Assert.Equal("$.name", detail["name.$"]!.GetValue<string>());
        Assert.Equal("$.index", detail["index.$"]!.GetValue<string>());
        Assert.Equal("$.execution", detail["execution.$"]!.GetValue<string>());
    }

    [Fact]
    public void Results_keep_the_names_at_names_and_the_report_summary_at_report_and_nothing_else()
    {
        var getUsers = State("GetUsers");
        Assert.Equal("$", getUsers["ResultPath"]!.GetValue<string>());
        Assert.Equal("$.names", getUsers["ResultSelector"]!["names.$"]!.GetValue<string>());
        Assert.Single(getUsers["ResultSelector"]!.AsObject());

        // The per-person results stay in the worker's bucket: the Map discards its result.
        var map = State("ProcessMultiple");
        Assert.True(map.ContainsKey("ResultPath"));
        Assert.Null(map["ResultPath"]);
        Assert.Equal("$.processed", State("GetUserProfile")["ResultSelector"]!["processed.$"]!.GetValue<string>());

        var report = State("GenerateReport");
        Assert.Equal("$.report", report["ResultPath"]!.GetValue<string>());
        var selector = report["ResultSelector"]!.AsObject();
        Assert.Equal("$.numberOfPeople", selector["numberOfPeople.$"]!.GetValue<string>());
        Assert.Equal("$.totalCookiesConsumed", selector["totalCookiesConsumed.$"]!.GetValue<string>());
        Assert.Equal("$.report", selector["key.$"]!.GetValue<string>());
        Assert.Equal(3, selector.Count);
        Assert.Equal("$.names", report["Parameters"]!["Entries"]![0]!["Detail"]!["names.$"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GetUsers", "Failed")]
    [InlineData("ProcessMultiple", "Failed")]
    [InlineData("GenerateReport", "Failed")]
    [InlineData("GetUserProfile", "PersonFailed")]
    public void A_failed_step_ends_in_a_Fail_state_whose_cause_names_the_step_and_carries_the_worker_cause(string stepName, string failName)
    {
        var catchAll = State(stepName)["Catch"]!.AsArray().Single(c => c!["ErrorEquals"]![0]!.GetValue<string>() == "States.ALL")!;
        Assert.Equal("$.error", catchAll["ResultPath"]!.GetValue<string>());

        var describe = State(catchAll["Next"]!.GetValue<string>());
        Assert.Equal("Pass", describe["Type"]!.GetValue<string>());
        Assert.Equal("$.error.Error", describe["Parameters"]!["Error.$"]!.GetValue<string>());
        var cause = describe["Parameters"]!["Cause.$"]!.GetValue<string>();
        Assert.StartsWith($"States.Format('{stepName} ", cause, StringComparison.Ordinal);
        Assert.EndsWith("$.error.Cause)", cause, StringComparison.Ordinal);

        Assert.Equal(failName, describe["Next"]!.GetValue<string>());
        var fail = State(failName);
        Assert.Equal("Fail", fail["Type"]!.GetValue<string>());
        Assert.Equal("$.Error", fail["ErrorPath"]!.GetValue<string>());
        Assert.Equal("$.Cause", fail["CausePath"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GetUsers", 300)]
    [InlineData("GetUserProfile", 300)]
    [InlineData("GenerateReport", 900)]
    public void A_step_without_an_answer_fails_saying_how_long_it_waited(string stepName, int seconds)
    {
        var catchers = State(stepName)["Catch"]!.AsArray();
        var timeout = catchers[0]!;
        Assert.Equal(["States.Timeout", "States.HeartbeatTimeout"], timeout["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()));
        var cause = State(timeout["Next"]!.GetValue<string>())["Parameters"]!["Cause.$"]!.GetValue<string>();
        Assert.Contains($"{stepName} ", cause, StringComparison.Ordinal);
        Assert.Contains($"within {seconds} seconds", cause, StringComparison.Ordinal);
    }
}
