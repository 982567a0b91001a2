using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.Benchmarks;

/// <summary>
/// Issue 12/14's memory goal for S3: PUT then GET one large object (default 1 GiB) through AWSSDK.S3 (its
/// default aws-chunked upload with a CRC32 trailer) against a disk-backed local-cloud in this process, and
/// report how far the process's peak working set rose above its level before the upload.
/// </summary>
public static class S3LargeObjectBenchmark
{
    public static async Task<int> RunAsync(long bytes)
    {
        var stateDirectory = Directory.CreateTempSubdirectory("choreo-s3-bench-").FullName;
        try
        {
            await using var cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions
            {
                Host = new LocalCloudOptions { Port = 0, StateDirectory = stateDirectory },
            });
            var host = cloud.Host;
            using var s3 = new AmazonS3Client(new BasicAWSCredentials("111111111111", "test"),
                new AmazonS3Config { ServiceURL = host.BaseUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
            await s3.PutBucketAsync("bench");
            GC.Collect();
            PeakWorkingSet.Reset();
            var before = CurrentMegabytes();

            var watch = Stopwatch.StartNew();
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bench", Key = "large.bin", InputStream = new PatternStream(bytes), AutoCloseStream = true });
            var putSeconds = watch.Elapsed.TotalSeconds;
            var putPeak = PeakWorkingSet.Megabytes();

            watch.Restart();
            using (var get = await s3.GetObjectAsync("bench", "large.bin"))
            {
                var buffer = new byte[81920];
                long received = 0;
                int read;
                while ((read = await get.ResponseStream.ReadAsync(buffer)) > 0)
                {
                    received += read;
                }

                if (received != bytes)
                {
                    Console.Error.WriteLine($"GET returned {received} bytes, expected {bytes}");
                    return 1;
                }
            }

            var getSeconds = watch.Elapsed.TotalSeconds;
            var peak = PeakWorkingSet.Megabytes();
            var megabytes = bytes / (1024.0 * 1024);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"S3 object of {megabytes:F0} MB: working set before {before:F0} MB; peak during PUT {putPeak:F0} MB (+{putPeak - before:F0}); peak during PUT+GET {peak:F0} MB (+{peak - before:F0}); PUT {putSeconds:F1} s ({megabytes / putSeconds:F0} MB/s), GET {getSeconds:F1} s ({megabytes / getSeconds:F0} MB/s)"));
            return 0;
        }
        finally
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    private static double CurrentMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024);
    }
}
