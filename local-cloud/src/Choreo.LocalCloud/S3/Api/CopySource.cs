namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// The object named by <c>x-amz-copy-source</c>: <c>bucket/key</c> or <c>/bucket/key</c>, URL-encoded, or an
/// access point ARN (not supported here); a <c>?versionId=</c> suffix is refused since local-cloud keeps no versions.
/// </summary>
internal sealed record CopySource(string Bucket, string Key)
{
    public static CopySource Parse(string header)
    {
        var value = header.Trim();
        var question = value.IndexOf('?');
        if (question >= 0)
        {
            if (value[(question + 1)..].StartsWith("versionId=", StringComparison.Ordinal))
            {
                throw S3Errors.NotImplemented("copying a specific version (x-amz-copy-source with versionId)");
            }

            value = value[..question];
        }

        value = Uri.UnescapeDataString(value.TrimStart('/'));
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw S3Errors.NotImplemented("access point ARNs in x-amz-copy-source");
        }

        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            throw new S3Error("InvalidArgument", "Invalid copy source object key", 400, [new("ArgumentName", "x-amz-copy-source"), new("ArgumentValue", header)]);
        }

        return new CopySource(value[..slash], value[(slash + 1)..]);
    }
}
