using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.S3.Api;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.Hosting;

/// <summary>
/// An endpoint serving only the JSON services a test adds (and an empty in-memory S3, which the endpoint always
/// routes the rest to), for tests of one service or of routing itself; whole instances come from LocalCloudInstance.
/// </summary>
internal static class StandaloneEndpoint
{
    public static LocalCloudHost For(LocalCloudOptions options)
    {
        var clock = options.Clock ?? new SystemClock();
        var verifier = new SignatureVerifier(new CredentialDirectory(options.AccessKeys, options.KnownAccounts), clock);
        return new LocalCloudHost(options, verifier, new S3Endpoint(new InMemoryObjectStore(clock), verifier, clock));
    }
}
