using System.Buffers.Binary;

namespace Storage.Influx.Spool;

/// <summary>
/// The durable read position (segment, offset) of the spool: 16 bytes plus a CRC, replaced atomically
/// (write a temp file, fsync, rename). A missing or damaged file means "from the oldest record": replaying
/// already-sent batches is harmless because they carry the same timestamps (see <see cref="InfluxSpool"/>).
/// </summary>
internal sealed class SpoolPositionFile(string directory)
{
    private readonly string _path = Path.Combine(directory, "position");
    private readonly string _temp = Path.Combine(directory, "position.tmp");

    public (long Segment, long Offset)? Read()
    {
        try
        {
            var bytes = File.ReadAllBytes(_path);
            if (bytes.Length != 20 || Crc32.Compute(bytes.AsSpan(0, 16)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)))
            {
                return null;
            }
            return (BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Write(long segment, long offset)
    {
        Span<byte> bytes = stackalloc byte[20];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, segment);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], offset);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[16..], Crc32.Compute(bytes[..16]));
        using (var file = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        File.Move(_temp, _path, overwrite: true);
    }
}
