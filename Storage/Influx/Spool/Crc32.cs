namespace Storage.Influx.Spool;

/// <summary>
/// CRC-32 (IEEE 802.3, the zip/gzip polynomial) for spool records and the position file, through System.IO.Hashing
/// (vectorised; measured against the table loop it replaced in bench/collector-influx, numbers in bench/README.md).
/// The values are the same as before, so spools written by earlier versions still verify.
/// </summary>
internal static class Crc32
{
    public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);

    /// <summary>The checksum of <paramref name="first"/> followed by <paramref name="second"/> (a record's header and payload as one run).</summary>
    public static uint Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(first);
        crc.Append(second);
        return crc.GetCurrentHashAsUInt32();
    }
}
