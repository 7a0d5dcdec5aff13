using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HAProxy.Logs;

/// <summary>
/// Finds state-change events in raw log bytes fast: request-log lines are skipped without decoding. Only
/// complete lines (ending in '\n') are consumed, so a reader never checkpoints past a half-written line.
/// </summary>
/// <remarks>
/// <para>How it stays fast: every state-change message HAProxy writes contains <c>erver </c> (<c>Server </c>,
/// <c>Backup Server </c>, <c>Health check for server </c>, <c>has no server available</c>) or <c>Proxy </c>
/// (<c>Proxy P stopped</c>). One pass over the bytes tests 32 positions at a time for those markers (three byte
/// compares each, so request lines almost never make a candidate) and for '\n' (to track line starts and
/// lengths). Only a line holding a marker is decoded and handed to <see cref="LogLineParser"/>.</para>
/// <para>Offsets: <see cref="Scan"/> returns the number of bytes consumed, always the end of a line (just past
/// its '\n'), so <c>bufferOffset + consumed</c> is a safe checkpoint. Each event carries its line's
/// <see cref="ScannedLogEvent.LineOffset"/> and <see cref="ScannedLogEvent.NextOffset"/> (just past the '\n',
/// or the end of input for a final line without one).</para>
/// <para>Counters: lines longer than <see cref="MaxLineBytes"/> (excluding '\n') are skipped whole and counted in
/// <see cref="LogScanCounters.Overlong"/>; candidate lines that are not valid UTF-8 are counted in
/// <see cref="LogScanCounters.InvalidUtf8"/> and parsed after replacement decoding; candidates the parser
/// rejects are counted in <see cref="LogScanCounters.Malformed"/>. Lines without a marker are not inspected.</para>
/// </remarks>
public sealed partial class LogScanner
{
    public LogScanner(LogParseContext context, int maxLineBytes = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 64);
        Context = context;
        MaxLineBytes = maxLineBytes;
    }

    public LogParseContext Context { get; }

    public int MaxLineBytes { get; }

    /// <summary>
    /// Scans <paramref name="buffer"/>, whose first byte sits at <paramref name="bufferOffset"/> in the input,
    /// appends events to <paramref name="events"/>, and returns how many bytes were consumed (through the last
    /// complete line). With <paramref name="isFinalBlock"/> a trailing line without newline is consumed too.
    /// </summary>
    public int Scan(ReadOnlySpan<byte> buffer, long bufferOffset, bool isFinalBlock, List<ScannedLogEvent> events, LogScanCounters counters)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(counters);
        var state = new ScanState(buffer, bufferOffset, events, counters);
        var position = Vector256.IsHardwareAccelerated ? ScanVectorized(ref state) : 0;
        // Not complete: a marker sits in a line that has no '\n' yet; LineStart is that line's start.
        var complete = position >= 0 && ScanScalar(ref state, position);
        if (isFinalBlock && state.LineStart < buffer.Length)
        {
            HandleLine(ref state, state.LineStart, buffer.Length, buffer.Length, hasCandidate: !complete);
            return Consumed(ref state, buffer.Length);
        }
        return Consumed(ref state, state.LineStart);
    }

    private static int Consumed(ref ScanState state, int consumed)
    {
        state.Counters.BytesScanned += consumed;
        return consumed;
    }

    /// <summary>32 positions per step; returns where the scalar tail takes over.</summary>
    private int ScanVectorized(ref ScanState state)
    {
        var buffer = state.Buffer;
        ref var start = ref MemoryMarshal.GetReference(buffer);
        var newline = Vector256.Create((byte)'\n');
        var e = Vector256.Create((byte)'e');
        var v = Vector256.Create((byte)'v');
        var p = Vector256.Create((byte)'P');
        var x = Vector256.Create((byte)'x');
        var space = Vector256.Create((byte)' ');
        var position = 0;
        // Markers are 6 bytes: the loads reach 5 bytes past the 32 positions tested.
        var last = buffer.Length - Vector256<byte>.Count - 5;
        while (position <= last)
        {
            var at0 = Vector256.LoadUnsafe(ref start, (nuint)position);
            var at2 = Vector256.LoadUnsafe(ref start, (nuint)(position + 2));
            var at3 = Vector256.LoadUnsafe(ref start, (nuint)(position + 3));
            var at5 = Vector256.LoadUnsafe(ref start, (nuint)(position + 5));
            var newlines = Vector256.Equals(at0, newline).ExtractMostSignificantBits();
            // "erver ": e at 0, v at 2, space at 5. "Proxy ": P at 0, x at 3, space at 5.
            var marks = Vector256.Equals(at5, space)
                & ((Vector256.Equals(at0, e) & Vector256.Equals(at2, v)) | (Vector256.Equals(at0, p) & Vector256.Equals(at3, x)));
            var candidates = marks.ExtractMostSignificantBits();
            var jumped = false;
            while (candidates != 0)
            {
                var bit = BitOperations.TrailingZeroCount(candidates);
                candidates &= candidates - 1;
                if (!IsMarkerAt(buffer, position + bit))
                {
                    continue;
                }
                var before = newlines & ((1u << bit) - 1);
                if (before != 0)
                {
                    TrackNewlines(ref state, before, position);
                }
                var lineEnd = buffer[(position + bit)..].IndexOf((byte)'\n');
                if (lineEnd < 0)
                {
                    // The candidate's line is not complete: nothing from its start on is consumed.
                    return -1;
                }
                lineEnd += position + bit;
                HandleLine(ref state, state.LineStart, lineEnd, lineEnd + 1, hasCandidate: true);
                state.LineStart = position = lineEnd + 1;
                jumped = true;
                break;
            }
            if (jumped)
            {
                continue;
            }
            if (newlines != 0)
            {
                TrackNewlines(ref state, newlines, position);
            }
            position += Vector256<byte>.Count;
        }
        return position;
    }

    /// <summary>Byte by byte from <paramref name="position"/>; false when an incomplete candidate line stops the scan.</summary>
    private bool ScanScalar(ref ScanState state, int position)
    {
        if (position < 0)
        {
            return false;
        }
        var buffer = state.Buffer;
        while (position < buffer.Length)
        {
            var b = buffer[position];
            if (b == (byte)'\n')
            {
                CountIfOverlong(ref state, position);
                state.LineStart = ++position;
            }
            else if ((b == (byte)'e' || b == (byte)'P') && IsMarkerAt(buffer, position))
            {
                var lineEnd = buffer[position..].IndexOf((byte)'\n');
                if (lineEnd < 0)
                {
                    return false;
                }
                lineEnd += position;
                HandleLine(ref state, state.LineStart, lineEnd, lineEnd + 1, hasCandidate: true);
                state.LineStart = position = lineEnd + 1;
            }
            else
            {
                position++;
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TrackNewlines(ref ScanState state, uint newlines, int blockStart)
    {
        // Only the first newline of a block can end a long line: the others end lines that started in the block.
        CountIfOverlong(ref state, blockStart + BitOperations.TrailingZeroCount(newlines));
        state.LineStart = blockStart + 32 - BitOperations.LeadingZeroCount(newlines);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountIfOverlong(ref ScanState state, int lineEnd)
    {
        if (lineEnd - state.LineStart > MaxLineBytes)
        {
            state.Counters.Overlong++;
        }
    }

    private static bool IsMarkerAt(ReadOnlySpan<byte> buffer, int position)
    {
        var rest = buffer[position..];
        return rest.StartsWith("erver "u8) || rest.StartsWith("Proxy "u8);
    }

}
