using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.S3.Api;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.StepFunctions;

/// <summary>Runs one conformance case on a fresh service with a virtual clock and says how it differs from AWS, if it does.</summary>
public static class ConformanceCaseRunner
{
    private static readonly AccountContext Account = new("111111111111", "us-east-1");

    /// <summary>Null when the outcome matches AWS's recorded one; else what differed.</summary>
    public static async Task<string?> RunAsync(string relativePath)
    {
        var testCase = ConformanceCorpus.Load(relativePath);
        var expected = testCase["expected"]!.AsObject();
        var service = new StepFunctionsService(new VirtualClock(), buckets: Buckets(testCase["s3"] as JsonObject));
        var created = await service.HandleAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "conformance",
            ["definition"] = testCase["definition"]!.ToJsonString(),
            ["roleArn"] = "arn:aws:iam::111111111111:role/sfn",
        }, Account, CancellationToken.None);
        var started = await service.HandleAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = created["stateMachineArn"]!.GetValue<string>(),
            ["input"] = JsonText.Serialize(testCase["input"]),
        }, Account, CancellationToken.None);
        var executionArn = started["executionArn"]!.GetValue<string>();
        service.TryGetExecution(executionArn, out var run);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        var status = expected["status"]!.GetValue<string>();
        if (run.Status.ToString() != status)
        {
            return $"status {run.Status} (error {run.Error}, cause {run.Cause}, output {run.Output}), expected {status}";
        }

        if (status == "SUCCEEDED")
        {
            var output = JsonText.Parse(run.Output!);
            return JsonText.DeepEquals(output, expected["output"]) ? null : $"output {run.Output}, expected {JsonText.Serialize(expected["output"])}";
        }

        var error = expected["error"]?.GetValue<string>();
        if (error is not null && run.Error != error)
        {
            return $"error {run.Error} ({run.Cause}), expected {error}";
        }

        var cause = expected["cause"]?.GetValue<string>();
        if (cause is not null && !CauseMatches(cause, run.Cause, expected["cause_masked"]?.GetValue<bool>() == true))
        {
            return $"cause '{run.Cause}', expected '{cause}'";
        }

        return null;
    }

    /// <summary>The objects a case's ItemReader reads (<c>"s3": {bucket: {key: text}}</c>), in buckets the case's account owns.</summary>
    private static BucketObjectsAccess? Buckets(JsonObject? fixture)
    {
        if (fixture is null)
        {
            return null;
        }

        IS3ObjectStore store = new InMemoryObjectStore(new SystemClock());
        foreach (var (bucket, objects) in fixture)
        {
            store.TryCreateBucket(new BucketRecord(bucket, Account.AccountId, Account.Region, DateTimeOffset.UnixEpoch));
            foreach (var (key, text) in objects!.AsObject())
            {
                store.PutObject(bucket, key, Encoding.UTF8.GetBytes(text!.GetValue<string>()), "application/octet-stream", new Dictionary<string, string>());
            }
        }

        return new BucketObjectsAccess(store);
    }

    private static bool CauseMatches(string expected, string? actual, bool masked)
    {
        if (actual is null)
        {
            return false;
        }

        if (!masked)
        {
            return expected == actual;
        }

        var pattern = "^" + string.Join(".*", Regex.Split(expected, "<json-input:\\d+>").Select(Regex.Escape)) + "$";
        return Regex.IsMatch(actual, pattern, RegexOptions.Singleline);
    }
}
