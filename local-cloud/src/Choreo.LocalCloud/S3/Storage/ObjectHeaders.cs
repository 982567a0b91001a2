namespace Choreo.LocalCloud.S3.Storage;

/// <summary>The representation headers S3 stores with an object and returns on GetObject/HeadObject.</summary>
public sealed record ObjectHeaders(
    string? CacheControl = null,
    string? ContentDisposition = null,
    string? ContentLanguage = null,
    string? ContentEncoding = null,
    string? Expires = null)
{
    public bool IsEmpty => this == new ObjectHeaders();
}
