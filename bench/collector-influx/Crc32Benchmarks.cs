using BenchmarkDotNet.Attributes;

namespace Collector.Influx.Benchmarks;

/// <summary>
/// The spool's CRC-32 over one batch record (~1 MB of gzip: 5,000 points): System.IO.Hashing, which the spool uses,
/// against the table loop it replaced (kept here as the baseline only).
/// </summary>
[MemoryDiagnoser]
public class Crc32Benchmarks
{
    private static readonly uint[] Table = BuildTable();
    private byte[] _payload = [];

    [Params(1 << 20)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = new byte[Bytes];
        new Random(42).NextBytes(_payload);
    }

    [Benchmark(Baseline = true)]
    public uint TableLoop()
    {
        var crc = ~0u;
        foreach (var b in _payload)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    [Benchmark]
    public uint SystemIoHashing() => System.IO.Hashing.Crc32.HashToUInt32(_payload);

    private static uint[] BuildTable()
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
        return table;
    }
}
