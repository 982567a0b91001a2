using Choreo.Contracts.Details;

namespace SharedContracts.Tests.Contracts;

/// <summary>One filled example of every detail, as a run produces them.</summary>
internal static class Samples
{
    public const string Execution = "arn:aws:states:us-east-1:111111111111:execution:EventDrivenMachine:job-42";
    public const string Token = "AQCEAAAAKgAAAAMAAAAAAAAAAeXample==";

    public static Meta Meta(string incoming, string outgoing) =>
        Choreo.Contracts.Details.Meta.For("111111111111", Choreo.Contracts.Sources.Orchestrator, incoming, outgoing, "processSingle", Execution);

    public static IReadOnlyDictionary<string, object> ByDetailType { get; } = new Dictionary<string, object>
    {
        ["start"] = new Start(People: 3, Seed: 7),
        ["getUsers"] = new GetUsers(Token, Execution, "GetUsers", new Start(3, 7)),
        ["getUserProfile"] = new GetUserProfile(Token, Execution, "ProcessSingle", "Mae Heller", 1),
        ["getUserCookies"] = new GetUserCookies(Token, Execution, "ProcessSingle", "Mae Heller", 1,
            "http://127.0.0.1:4566/bucket/basic-1.json?X-Amz-Signature=abc", Meta("getUserProfile", "getUserCookies")),
        ["generateReport"] = new GenerateReport(Token, Execution, "GenerateReport", ["Mae Heller", "Alan Gibson", "Mae Heller"]),
        ["done"] = new Done(Token, Execution, "GenerateReport", Names: ["Mae Heller", "Alan Gibson", "Mae Heller"],
            NumberOfPeople: 3, TotalCookiesConsumed: 14, Report: "job-42/0-cookies.json", Meta: Meta("generateReport", "done")),
        ["failed"] = new Failed(Token, Execution, "Worker.ProfileUnreadable",
            "the presigned profile URL for item 1 of execution job-42 returned 403 (expired or tampered)", "ProcessSingle", Meta("getUserCookies", "failed")),
        ["async.done"] = new AsyncDone(Execution, "Mae Heller", 1, Meta("getUserCookies", "async.done")),
    };
}
