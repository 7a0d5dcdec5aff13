using System.Buffers.Binary;

namespace Storage.Influx.Spool;

/// <summary>
/// On-disk record layout, little-endian: magic <c>LPS1</c> (4), payload length (4), point count (4),
/// flags (4, bit 0 = gzip), CRC-32 of the 12 bytes after the magic and of the payload (4), then the payload.
/// A record whose magic, length or CRC does not check is a torn write (the process died mid-append).
/// </summary>
internal static class SpoolRecordFormat
{
    public const int HeaderSize = 20;
    public const uint Magic = 0x3153504C; // "LPS1"
    public const int MaxPayload = 256 * 1024 * 1024;

    /// <summary>Fills the 20-byte <paramref name="header"/> for <paramref name="payload"/> (the payload is written after it, uncopied).</summary>
    public static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> payload, int points, bool gzip)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], points);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], gzip ? 1 : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], Crc32.Compute(header[4..16], payload));
    }

    /// <summary>Reads the header; false when it is not a plausible record header.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, out int payloadLength, out int points, out bool gzip, out uint crc)
    {
        payloadLength = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        points = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        var flags = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        gzip = (flags & 1) != 0;
        crc = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        return BinaryPrimitives.ReadUInt32LittleEndian(header) == Magic
            && payloadLength is >= 0 and <= MaxPayload
            && points >= 0
            && (flags & ~1) == 0;
    }

    public static bool Verify(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, uint crc) =>
        Crc32.Compute(header[4..16], payload) == crc;
}
