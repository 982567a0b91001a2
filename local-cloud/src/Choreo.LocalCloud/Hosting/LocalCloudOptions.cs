using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Hosting;

/// <summary>How a local-cloud instance is built: where it listens, where it keeps state, whose clock it runs on.</summary>
public sealed record LocalCloudOptions
{
    public const int DefaultPort = 4566;

    /// <summary>The loopback port; 0 picks a free one (tests), read the actual one from <see cref="LocalCloudHost.BaseUrl"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Where S3 objects are kept; null keeps everything in memory.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The clock every service runs on; null is the wall clock.</summary>
    public IClock? Clock { get; init; }

    /// <summary>Non-numeric access key ids (or 12-digit ones with another secret) and the accounts they sign for.</summary>
    public IReadOnlyList<AccessKey> AccessKeys { get; init; } = [];

    /// <summary>Accounts introduced by name when serving.</summary>
    public IReadOnlyList<KnownAccount> KnownAccounts { get; init; } = KnownAccount.Choreo;

    /// <summary>
    /// How long stopping waits for requests in flight before it aborts their connections: a stuck client (a body that
    /// never arrives, a call that never returns) must not hold <c>serve</c> open after SIGTERM or Ctrl-C.
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Told of every request once answered (<c>serve --log-requests</c>); null logs nothing.</summary>
    public Action<RequestLogEntry>? RequestLog { get; init; }

    /// <summary>The region a user is told to set (any region a request signs for works).</summary>
    public string Region { get; init; } = AccountContext.DefaultRegion;
}
