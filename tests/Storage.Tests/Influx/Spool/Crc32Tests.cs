using Storage.Influx.Spool;

namespace Storage.Tests.Influx.Spool;

public class Crc32Tests
{
    [Fact]
    public void Compute_CheckString_IsTheStandardCrc32()
    {
        // The CRC-32/ISO-HDLC check value: what zip, gzip and every spool written so far use.
        Crc32.Compute("123456789"u8).ShouldBe(0xCBF43926u);
    }

    [Fact]
    public void Compute_TwoParts_SameAsTheWholeRun()
    {
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31 + 7)).ToArray();

        Crc32.Compute(bytes.AsSpan(0, 12), bytes.AsSpan(12)).ShouldBe(Crc32.Compute(bytes));
    }

    [Fact]
    public void Compute_TableLoopOfEarlierVersions_SameValues()
    {
        var bytes = Enumerable.Range(0, 4099).Select(i => (byte)(i ^ (i >> 3))).ToArray();

        Crc32.Compute(bytes).ShouldBe(TableLoop(bytes));
    }

    // The implementation spools were written with before System.IO.Hashing (kept here only as the reference).
    private static uint TableLoop(ReadOnlySpan<byte> data)
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[i] = c;
        }
        var crc = ~0u;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }
}
