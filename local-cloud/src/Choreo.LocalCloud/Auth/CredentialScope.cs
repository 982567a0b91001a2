namespace Choreo.LocalCloud.Auth;

/// <summary>The <c>AKID/yyyyMMdd/region/service/aws4_request</c> credential of a SigV4 request.</summary>
public sealed record CredentialScope(string AccessKeyId, string Date, string Region, string Service)
{
    /// <summary>The scope as it appears in the string to sign (without the access key id).</summary>
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    public static CredentialScope Parse(string credential)
    {
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[4] != "aws4_request" || parts[1].Length != 8 || parts.Any(string.IsNullOrEmpty))
        {
            throw new AuthFailure(AuthFailureKind.Malformed,
                $"the Credential '{credential}' is not of the form <access key>/<yyyyMMdd>/<region>/<service>/aws4_request");
        }

        return new CredentialScope(parts[0], parts[1], parts[2], parts[3]);
    }
}
