namespace HAProxy.Logs;

/// <summary>How <see cref="LogScanner.ScanStreamAsync"/> reads and hands out events.</summary>
public sealed record LogStreamOptions
{
    /// <summary>Read buffer in bytes (at least 4096); 0 means the larger of <see cref="LogScanner.StreamBufferBytes"/>
    /// and twice the scanner's line limit. A line that fills the buffer is skipped as overlong.</summary>
    public int BufferBytes { get; init; }

    /// <summary>A batch is handed out once at least this many bytes were consumed since the last one, and at the
    /// end. 0 (default): after every read.</summary>
    public long BatchBytes { get; init; }

    /// <summary>The stream will not grow (a rotated copy): a last line without '\n' is scanned too, instead of
    /// being left for the next scan as a line still being written.</summary>
    public bool IsFinal { get; init; }
}
