using System.Text.Json;
using Choreo.Contracts;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.Errors;
using Choreo.Worker.Functions.People;
using Choreo.Worker.Functions.Publishing;
using Choreo.Worker.Functions.Storage;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Handlers;

/// <summary>
/// <c>generateReport</c>: reads every person's final file at its known key, sums the cookies, writes
/// <c>0-cookies.json</c> and answers <c>done</c> with the totals and the report's key. A missing or unreadable
/// final file fails the step rather than producing a short report.
/// </summary>
public sealed class PostProcessAll(IObjectStore store, WorkerEvents events, JsonLineLogger log) : ITaskHandler<GenerateReport>
{
    public async Task HandleAsync(EventEnvelope<GenerateReport> input, InvocationContext context, CancellationToken cancellationToken)
    {
        var detail = input.Detail;
        var total = 0;
        var problems = new List<string>();
        for (var index = 0; index < detail.Names.Count; index++)
        {
            var key = ObjectKeys.Final(detail.Execution, index);
            var text = await store.GetTextAsync(key, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                problems.Add($"{key} is missing");
                continue;
            }
            if (CookiesIn(text) is { } cookies)
            {
                total += cookies;
            }
            else
            {
                problems.Add($"{key} has no numberOfCookiesConsumed");
            }
        }
        if (problems.Count > 0)
        {
            throw new WorkerFailure(
                ErrorCodes.ReportIncomplete,
                $"the report of execution {detail.Execution} needs {detail.Names.Count} final files but {problems.Count} cannot be used: {string.Join("; ", problems)}");
        }

        var report = new CookieReport(detail.Names, detail.Names.Count, total);
        var reportKey = ObjectKeys.Report(detail.Execution);
        await store.PutJsonAsync(reportKey, JsonSerializer.Serialize(report, PeopleJsonContext.Default.CookieReport), cancellationToken).ConfigureAwait(false);
        log.Info(context.RequestId, $"{report.NumberOfPeople} people ate {total} cookies", ("execution", detail.Execution), ("key", reportKey));
        var done = new Done(
            detail.TaskToken, detail.Execution, detail.StateName,
            NumberOfPeople: report.NumberOfPeople,
            TotalCookiesConsumed: total,
            Report: reportKey,
            Meta: OutgoingMeta.For(input, detail.Execution, DetailTypes.Done, context));
        await events.EmitAsync(DetailTypes.Done, done, ContractsJsonContext.Default.Done, cancellationToken).ConfigureAwait(false);
    }

    private static int? CookiesIn(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, PeopleJsonContext.Default.Profile)?.NumberOfCookiesConsumed;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
