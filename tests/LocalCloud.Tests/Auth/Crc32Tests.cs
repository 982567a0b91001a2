using System.Text;
using Choreo.LocalCloud.Auth;

namespace LocalCloud.Tests.Auth;

public sealed class Crc32Tests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, Crc32.IsoHdlc.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Crc32c_matches_the_standard_check_value() =>
        Assert.Equal(0xE3069283u, Crc32.Castagnoli.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void A_wrong_trailing_crc32_is_BadDigest_material()
    {
        var failure = Assert.Throws<AuthFailure>(() => PayloadChecksum.Verify("x-amz-checksum-crc32", "AAAAAA==", "hello"u8));

        Assert.Equal(AuthFailureKind.ChecksumMismatch, failure.Kind);
    }
}
