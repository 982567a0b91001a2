namespace Choreo.LocalCloud.Auth;

/// <summary>A parsed <c>Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header.</summary>
public sealed record AuthorizationHeader(CredentialScope Credential, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static AuthorizationHeader Parse(string header)
    {
        if (!header.StartsWith(SigV4Signature.Algorithm + " ", StringComparison.Ordinal))
        {
            throw new AuthFailure(AuthFailureKind.Malformed,
                $"the authorization mechanism '{header.Split(' ')[0]}' is not supported; use {SigV4Signature.Algorithm}");
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(SigV4Signature.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            throw new AuthFailure(AuthFailureKind.Malformed, "the Authorization header needs Credential, SignedHeaders and Signature");
        }

        return new AuthorizationHeader(CredentialScope.Parse(credential), signedHeaders.Split(';'), signature);
    }
}
