using System.Text;

namespace Choreo.Contracts.Limits;

/// <summary>
/// The size of a PutEvents entry as EventBridge counts it: 14 bytes when Time is given, plus the UTF-8
/// bytes of Source, DetailType, Detail and each Resources entry. EventBridge refuses a request whose
/// entries add up to more than <see cref="MaxRequestBytes"/>.
/// </summary>
public static class EventEntrySize
{
    public const int MaxRequestBytes = 256 * 1024;
    public const int MaxEntriesPerRequest = 10;
    private const int TimeBytes = 14;

    public static int Of(string? source, string? detailType, string? detail, IEnumerable<string>? resources = null, bool hasTime = false)
    {
        var size = hasTime ? TimeBytes : 0;
        size += Bytes(source) + Bytes(detailType) + Bytes(detail);
        foreach (var resource in resources ?? [])
        {
            size += Bytes(resource);
        }
        return size;
    }

    public static bool Fits(int totalBytes) => totalBytes <= MaxRequestBytes;

    private static int Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
