namespace Choreo.LocalCloud.S3.Storage;

/// <summary>An object's metadata and bytes.</summary>
public sealed record StoredObject(ObjectMetadata Metadata, byte[] Data);
