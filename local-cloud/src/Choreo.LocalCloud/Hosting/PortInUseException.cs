namespace Choreo.LocalCloud.Hosting;

/// <summary>The endpoint could not listen because another process holds the port.</summary>
public sealed class PortInUseException(int port, Exception inner)
    : Exception($"port {port} on 127.0.0.1 is already in use (is another local-cloud running?)", inner)
{
    public int Port { get; } = port;
}
