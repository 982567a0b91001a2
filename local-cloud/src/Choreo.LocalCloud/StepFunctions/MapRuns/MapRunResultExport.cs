using System.Text.Json;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>
/// A ResultWriter's export: <c>{Prefix}/{map run id}/SUCCEEDED_0.json</c>, <c>FAILED_0.json</c> and
/// <c>PENDING_0.json</c> (one entry per child execution, in AWS's shape) and the <c>manifest.json</c> listing
/// them, written as the state machine's account. Failures are States.ResultWriterFailed.
/// </summary>
public sealed class MapRunResultExport(IBucketObjects? buckets, string accountId)
{
    public const string ResultWriterFailed = "States.ResultWriterFailed";

    /// <summary>Writes the files and returns the manifest's key.</summary>
    public string Write(MapRun run, string bucket, string? prefix)
    {
        if (buckets is null)
        {
            throw new StatesFailure(ResultWriterFailed, "local-cloud was started without S3, so a ResultWriter cannot write results");
        }

        var runId = run.Arn[(run.Arn.LastIndexOf(':') + 1)..];
        var folder = string.IsNullOrEmpty(prefix) ? runId : $"{prefix.TrimEnd('/')}/{runId}";
        var groups = new Dictionary<string, List<MapRunChild>> { ["FAILED"] = [], ["PENDING"] = [], ["SUCCEEDED"] = [] };
        foreach (var child in run.Children)
        {
            var group = child.Execution?.Status switch
            {
                null or ExecutionStatus.RUNNING => "PENDING",
                ExecutionStatus.SUCCEEDED => "SUCCEEDED",
                _ => "FAILED",
            };
            groups[group].Add(child);
        }

        try
        {
            var files = new Dictionary<string, (string Key, long Size)?>();
            foreach (var (group, children) in groups)
            {
                if (children.Count == 0)
                {
                    files[group] = null;
                    continue;
                }

                var key = $"{folder}/{group}_0.json";
                var data = Entries(children);
                buckets.PutObject(accountId, bucket, key, data, "application/json");
                files[group] = (key, data.Length);
            }

            var manifestKey = $"{folder}/manifest.json";
            buckets.PutObject(accountId, bucket, manifestKey, Manifest(run, bucket, files), "application/json");
            run.ResultsWritten = groups["SUCCEEDED"].Count + groups["FAILED"].Count;
            run.ItemResultsWritten = groups["SUCCEEDED"].Concat(groups["FAILED"]).Sum(c => (long)c.ItemCount);
            return manifestKey;
        }
        catch (BucketAccessException e)
        {
            throw new StatesFailure(ResultWriterFailed, $"S3 refused the ResultWriter's object in s3://{bucket}/{folder}: {e.Code}: {e.Message}");
        }
    }

    private static byte[] Manifest(MapRun run, string bucket, Dictionary<string, (string Key, long Size)?> files)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("DestinationBucket", bucket);
            writer.WriteString("MapRunArn", run.Arn);
            writer.WriteStartObject("ResultFiles");
            foreach (var (group, file) in files)
            {
                writer.WriteStartArray(group);
                if (file is { } f)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Key", f.Key);
                    writer.WriteNumber("Size", f.Size);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static byte[] Entries(List<MapRunChild> children)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var child in children)
            {
                writer.WriteStartObject();
                if (child.Execution is { } run)
                {
                    writer.WriteString("ExecutionArn", run.ExecutionArn);
                    WriteInput(writer, child);
                    writer.WriteString("Name", run.Name);
                    if (run.Status == ExecutionStatus.SUCCEEDED)
                    {
                        writer.WriteString("Output", run.Output);
                        writer.WriteStartObject("OutputDetails");
                        writer.WriteBoolean("Included", true);
                        writer.WriteEndObject();
                    }
                    else
                    {
                        if (run.Error is not null)
                        {
                            writer.WriteString("Error", run.Error);
                        }

                        if (run.Cause is not null)
                        {
                            writer.WriteString("Cause", run.Cause);
                        }
                    }

                    writer.WriteNumber("RedriveCount", run.RedriveCount);
                    writer.WriteString("RedriveStatus", "NOT_REDRIVABLE");
                    writer.WriteString("RedriveStatusReason", run.Status == ExecutionStatus.SUCCEEDED
                        ? "Execution is SUCCEEDED and cannot be redriven"
                        : "Execution is a child of a Map Run; redrive the parent execution");
                    writer.WriteString("StartDate", ContextObject.FormatTime(run.StartDate));
                    writer.WriteString("StateMachineArn", run.StateMachine.Arn);
                    writer.WriteString("Status", run.Status.ToString());
                    if (run.StopDate is { } stop)
                    {
                        writer.WriteString("StopDate", ContextObject.FormatTime(stop));
                    }
                }
                else
                {
                    WriteInput(writer, child);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return stream.ToArray();
    }

    private static void WriteInput(Utf8JsonWriter writer, MapRunChild child)
    {
        writer.WriteString("Input", child.Input);
        writer.WriteStartObject("InputDetails");
        writer.WriteBoolean("Included", true);
        writer.WriteEndObject();
    }
}
