using System.IO.Compression;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.Lambda.Api;

/// <summary>
/// A deployment package sent inline with CreateFunction (<c>Code.ZipFile</c>, base64): unpacked into a folder of
/// its own, which becomes the function's code directory (where the process runner finds <c>bootstrap</c>).
/// Lambda's limits: 50 MB zipped for a direct upload, 250 MB unzipped.
/// </summary>
public static class UploadedCode
{
    public const long MaxZippedBytes = 50L * 1024 * 1024;
    public const long MaxUnzippedBytes = 250L * 1024 * 1024;

    private const string Unreadable = "Could not unzip uploaded file. Please check your file, then try to upload again.";

    public static string Unpack(string base64Zip, string accountId, string functionName)
    {
        byte[] zip;
        try
        {
            zip = Convert.FromBase64String(base64Zip);
        }
        catch (FormatException)
        {
            throw new AwsServiceException("InvalidParameterValueException", Unreadable);
        }
        if (zip.Length > MaxZippedBytes)
        {
            throw new AwsServiceException("RequestEntityTooLargeException", "Request must be smaller than 52428800 bytes for the CreateFunction operation", 413);
        }
        var directory = Path.Combine(Path.GetTempPath(), "choreo-lambda-code", accountId, $"{functionName}-{Guid.NewGuid():N}");
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            if (archive.Entries.Sum(entry => entry.Length) > MaxUnzippedBytes)
            {
                throw new AwsServiceException("InvalidParameterValueException",
                    $"Unzipped size must be smaller than {MaxUnzippedBytes} bytes");
            }
            // ExtractToDirectory refuses entries that would land outside the folder.
            archive.ExtractToDirectory(directory);
        }
        catch (Exception error) when (error is InvalidDataException or IOException)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
            throw new AwsServiceException("InvalidParameterValueException", Unreadable);
        }
        return directory;
    }
}
