using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// A request body that was streamed into staging and verified (signature chain, x-amz-content-sha256, every
/// checksum sent as a header or trailer, Content-MD5). <see cref="Checksum"/> is the checksum S3 stores with
/// the object: the algorithm the request named (header, trailer or x-amz-sdk-checksum-algorithm), computed
/// over the received bytes. Disposing discards the staged bytes unless a store committed them.
/// </summary>
internal sealed class ReceivedPayload(StagedContent content, ObjectChecksum? checksum, PayloadDigests digests) : IDisposable
{
    public StagedContent Content { get; } = content;

    public ObjectChecksum? Checksum { get; } = checksum;

    /// <summary>The digests of the received bytes (for the checksums a multipart upload combines).</summary>
    public PayloadDigests Digests { get; } = digests;

    public void Dispose()
    {
        Content.Dispose();
        Digests.Dispose();
    }
}
