using Choreo.Contracts.Limits;

namespace SharedContracts.Tests.Contracts;

public sealed class EventEntrySizeTests
{
    [Fact]
    public void Size_counts_utf8_bytes_of_source_detail_type_detail_and_resources_plus_14_for_time()
    {
        var size = EventEntrySize.Of("choreo.worker", "done", "{\"name\":\"Zoë\"}", ["arn:a", "arn:b"], hasTime: true);

        Assert.Equal(14 + 13 + 4 + 15 + 5 + 5, size);
    }

    [Fact]
    public void An_entry_of_exactly_256_KiB_fits_and_one_byte_more_does_not()
    {
        var detail = new string('x', EventEntrySize.MaxRequestBytes - "s".Length - "d".Length);

        Assert.True(EventEntrySize.Fits(EventEntrySize.Of("s", "d", detail)));
        Assert.False(EventEntrySize.Fits(EventEntrySize.Of("s", "d", detail + "x")));
    }
}
