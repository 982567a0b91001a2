namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// The committed state of one object on disk: its metadata and the name of the data file holding exactly
/// those bytes. Each write gets a fresh data file, so replacing this record is the single atomic commit.
/// </summary>
internal sealed record DiskObjectRecord(ObjectMetadata Metadata, string DataFile);
