namespace Alerter.Tests.Support;

/// <summary>A read-only in-memory stream that hands out at most <c>chunk</c> bytes per read, as a slow writer's file can.</summary>
public sealed class TrickleStream(byte[] content, int chunk) : MemoryStream(content, writable: false)
{
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
}
