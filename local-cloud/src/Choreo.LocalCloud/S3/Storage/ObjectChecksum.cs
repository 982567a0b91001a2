namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// The checksum S3 keeps for an object: the algorithm as S3 names it (<c>CRC32</c>, <c>CRC32C</c>,
/// <c>CRC64NVME</c>, <c>SHA1</c>, <c>SHA256</c>), the base64 value as returned in <c>x-amz-checksum-*</c>
/// (a multipart composite ends in <c>-N</c>), and its type (<c>FULL_OBJECT</c> or <c>COMPOSITE</c>).
/// </summary>
public sealed record ObjectChecksum(string Algorithm, string Value, string Type);
