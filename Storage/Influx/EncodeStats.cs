namespace Storage.Influx;

/// <summary>What the encoder wrote and what it had to leave out or alter (counted, never thrown).</summary>
public sealed class EncodeStats
{
    /// <summary>Lines (points) written.</summary>
    public long Lines { get; set; }

    /// <summary>Points not written: empty measurement, or no field left after dropping unusable ones.</summary>
    public long SkippedPoints { get; set; }

    /// <summary>Fields left out: NaN or infinite floats, empty field keys.</summary>
    public long DroppedFields { get; set; }

    /// <summary>Tags left out: empty key or empty value (line protocol has no empty tag values).</summary>
    public long DroppedTags { get; set; }

    /// <summary>
    /// Names or values that line protocol cannot carry exactly and that were altered: CR/LF written as the
    /// two characters <c>\r</c>/<c>\n</c>, and an odd run of backslashes before an escaped character or at the
    /// end of a name given one more backslash (see <see cref="LineProtocolEncoder"/>).
    /// </summary>
    public long Sanitized { get; set; }

    public void Add(EncodeStats other)
    {
        Lines += other.Lines;
        SkippedPoints += other.SkippedPoints;
        DroppedFields += other.DroppedFields;
        DroppedTags += other.DroppedTags;
        Sanitized += other.Sanitized;
    }
}
