namespace Alerter.Logs;

/// <summary>
/// A read-only pass-through that keeps copies of the first <c>headBytes</c> bytes read through it: what a scan from
/// byte 0 actually parsed, which may be more than the file held when it was opened and measured.
/// </summary>
internal sealed class HeadRecordingStream(Stream inner, int headBytes) : Stream
{
    private readonly byte[] _head = new byte[headBytes];
    private int _length;

    /// <summary>The bytes kept so far (a copy, safe to hold after later reads).</summary>
    public ReadOnlyMemory<byte> Head => _head.AsSpan(0, _length).ToArray();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Keep(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Keep(buffer.AsSpan(offset, read));
        return read;
    }

    private void Keep(ReadOnlySpan<byte> read)
    {
        var take = Math.Min(read.Length, _head.Length - _length);
        if (take > 0)
        {
            read[..take].CopyTo(_head.AsSpan(_length));
            _length += take;
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
