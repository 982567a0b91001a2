using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.S3;

/// <summary>
/// The clients people use, with their default settings, against local-cloud: boto3 <c>upload_file</c>
/// (multipart above 8 MB), the AWS CLI v1 <c>s3 cp</c> and <c>s3 sync</c> of files over 8 MB, and the JS SDK
/// v3 <c>Upload</c> (@aws-sdk/lib-storage). Each is skipped, saying why, when its tool is not installed.
/// </summary>
public sealed class S3ClientToolTests : IAsyncLifetime
{
    private const int TwentyMiB = 20 * 1024 * 1024;
    private S3Session _session = null!;
    private readonly string _work = Directory.CreateTempSubdirectory("choreo-s3-tools-").FullName;

    public async Task InitializeAsync()
    {
        _session = await S3Session.StartAsync("tools");
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [SkippableFact]
    public async Task Boto3_upload_file_of_20_MB_and_an_empty_put_followed_by_a_put_on_the_same_connection_work_with_defaults()
    {
        var file = WriteFile("boto3.bin", TwentyMiB, 11);
        var script = $$"""
            import boto3, time
            from botocore.config import Config
            s3 = boto3.client("s3", endpoint_url="{{_session.Cloud.Host.BaseUrl}}", config=Config(s3={"addressing_style": "path"}))
            s3.upload_file(r"{{file}}", "tools", "boto3/big.bin")
            started = time.monotonic()
            s3.put_object(Bucket="tools", Key="boto3/empty", Body=b"")
            s3.put_object(Bucket="tools", Key="boto3/after-empty", Body=b"x" * 1000)
            print("elapsed", time.monotonic() - started)
            """;
        var output = await RunAsync("python3", ["-c", script], requires: "python3 with boto3", probe: ("python3", ["-c", "import boto3"]));

        var elapsed = double.Parse(output.Split("elapsed")[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(elapsed < 5, $"the two PUTs took {elapsed:F1} s: the connection stalled after the empty PUT");
        await AssertStoredAsync("boto3/big.bin", file, multipart: true);
        Assert.Equal(1000, (await _session.S3.GetObjectMetadataAsync("tools", "boto3/after-empty")).ContentLength);
    }

    [SkippableFact]
    public async Task Boto3_default_presigned_urls_use_SigV2_and_are_verified()
    {
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "tools", Key = "presigned/a b.json", ContentBody = "{\"ok\":true}" });
        var script = $$"""
            import boto3, urllib.request, urllib.error
            from botocore.config import Config
            s3 = boto3.client("s3", endpoint_url="{{_session.Cloud.Host.BaseUrl}}", config=Config(s3={"addressing_style": "path"}))
            url = s3.generate_presigned_url("get_object", Params={"Bucket": "tools", "Key": "presigned/a b.json", "ResponseContentType": "application/json"})
            assert "AWSAccessKeyId=" in url, url
            with urllib.request.urlopen(url) as r:
                print("body", r.read().decode(), r.headers["Content-Type"])
            try:
                urllib.request.urlopen(url.replace("Expires=", "Expires=1"))
            except urllib.error.HTTPError as e:
                print("tampered", e.code, e.read().decode())
            """;
        var output = await RunAsync("python3", ["-c", script], requires: "python3 with boto3", probe: ("python3", ["-c", "import boto3"]));

        Assert.Contains("body {\"ok\":true} application/json", output);
        Assert.Contains("tampered 403", output);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", output);
    }

    [SkippableFact]
    public async Task Aws_cli_cp_and_sync_of_files_over_8_MB_work_with_defaults()
    {
        var file = WriteFile("cp.bin", TwentyMiB, 12);
        await RunAsync("aws", ["--endpoint-url", _session.Cloud.Host.BaseUrl.ToString(), "s3", "cp", file, "s3://tools/cli/cp.bin"], requires: "the AWS CLI", probe: ("aws", ["--version"]));
        await AssertStoredAsync("cli/cp.bin", file, multipart: true);

        var folder = Directory.CreateDirectory(Path.Combine(_work, "sync")).FullName;
        var synced = new[] { WriteFile("sync/a.bin", 9 * 1024 * 1024, 13), WriteFile("sync/b.txt", 10, 14) };
        await RunAsync("aws", ["--endpoint-url", _session.Cloud.Host.BaseUrl.ToString(), "s3", "sync", folder, "s3://tools/cli/sync"], requires: "the AWS CLI", probe: ("aws", ["--version"]));
        await AssertStoredAsync("cli/sync/a.bin", synced[0], multipart: true);
        await AssertStoredAsync("cli/sync/b.txt", synced[1], multipart: false);

        // A second sync finds nothing to do: sizes and times listed by ListObjectsV2 match.
        var again = await RunAsync("aws", ["--endpoint-url", _session.Cloud.Host.BaseUrl.ToString(), "s3", "sync", folder, "s3://tools/cli/sync"], requires: "the AWS CLI", probe: ("aws", ["--version"]));
        Assert.DoesNotContain("upload:", again);
    }

    [SkippableFact]
    public async Task Js_sdk_v3_Upload_of_12_MB_works_with_defaults()
    {
        var root = RepositoryRoot();
        Skip.IfNot(Directory.Exists(Path.Combine(root, "node_modules", "@aws-sdk", "lib-storage")), "@aws-sdk/lib-storage is not installed (run npm ci at the repository root)");
        var file = WriteFile("js.bin", 12 * 1024 * 1024, 15);
        var script = $$"""
            const { S3Client } = require("@aws-sdk/client-s3");
            const { Upload } = require("@aws-sdk/lib-storage");
            const fs = require("fs");
            const client = new S3Client({ endpoint: "{{_session.Cloud.Host.BaseUrl}}", region: "us-east-1", forcePathStyle: true,
              credentials: { accessKeyId: "111111111111", secretAccessKey: "test" } });
            new Upload({ client, params: { Bucket: "tools", Key: "js/big.bin", Body: fs.createReadStream(process.argv[1]) } })
              .done().then(() => console.log("uploaded"), e => { console.error(e); process.exit(1); });
            """;
        await RunAsync("node", ["-e", script, file], requires: "node", probe: ("node", ["--version"]), nodePath: Path.Combine(root, "node_modules"));
        await AssertStoredAsync("js/big.bin", file, multipart: true);
    }

    private async Task AssertStoredAsync(string key, string file, bool multipart)
    {
        using var get = await _session.S3.GetObjectAsync("tools", key);
        using var received = new MemoryStream();
        await get.ResponseStream.CopyToAsync(received);
        var expected = await File.ReadAllBytesAsync(file);
        Assert.True(received.ToArray().SequenceEqual(expected), $"s3://tools/{key} differs from {file}");
        Assert.Equal(multipart, get.ETag.Contains('-'));
    }

    private string WriteFile(string name, int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        var path = Path.Combine(_work, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<string> RunAsync(string tool, string[] arguments, string requires, (string Tool, string[] Arguments) probe, string? nodePath = null)
    {
        Skip.IfNot(await SucceedsAsync(probe.Tool, probe.Arguments), $"{requires} is not installed on this machine");
        var (exitCode, output) = await ExecuteAsync(tool, arguments, nodePath);
        Assert.True(exitCode == 0, $"{tool} exited with {exitCode}:\n{output}");
        return output;
    }

    private async Task<bool> SucceedsAsync(string tool, string[] arguments)
    {
        try
        {
            return (await ExecuteAsync(tool, arguments, null)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private async Task<(int ExitCode, string Output)> ExecuteAsync(string tool, string[] arguments, string? nodePath)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _work };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "111111111111";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_work, "no-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_work, "no-credentials");
        if (nodePath is not null)
        {
            start.Environment["NODE_PATH"] = nodePath;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Choreo.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Choreo.slnx) was not found above the test assembly");
    }
}
