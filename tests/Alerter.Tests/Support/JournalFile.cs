using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Alerter.Tests.Support;

/// <summary>
/// Writes real journal files without journald as PID 1: entries in the journal export format piped into
/// <c>systemd-journal-remote --output=FILE -</c> (package systemd-journal-remote). <see cref="Syslog"/> takes a datagram
/// as HAProxy sends it to <c>/dev/log</c> (the real captures of reference/haproxy-2.6.md) and splits it the way journald's
/// syslog socket does: PRIORITY and SYSLOG_FACILITY from the PRI, SYSLOG_TIMESTAMP, SYSLOG_IDENTIFIER, SYSLOG_PID,
/// MESSAGE, plus the fields journald adds (_TRANSPORT=syslog, _PID, _SYSTEMD_UNIT, _HOSTNAME, _BOOT_ID).
/// </summary>
public static partial class JournalFile
{
    public const string JournalRemote = "/lib/systemd/systemd-journal-remote";

    private static long _monotonic = 1;

    /// <summary>One journal entry: its fields (values as bytes: MESSAGE may be any bytes) at a reception time.</summary>
    public sealed record Entry(DateTimeOffset Realtime, IReadOnlyList<(string Field, byte[] Value)> Fields);

    public static Entry Syslog(string datagram, DateTimeOffset realtime, string unit = "haproxy.service", string hostname = "lb1")
    {
        var match = SyslogDatagram().Match(datagram.TrimEnd('\n'));
        if (!match.Success)
        {
            throw new ArgumentException($"not an RFC 3164 datagram: {datagram}");
        }
        var pri = int.Parse(match.Groups["pri"].Value, CultureInfo.InvariantCulture);
        return new Entry(realtime,
        [
            ("_TRANSPORT", "syslog"u8.ToArray()),
            ("PRIORITY", Ascii((pri % 8).ToString(CultureInfo.InvariantCulture))),
            ("SYSLOG_FACILITY", Ascii((pri / 8).ToString(CultureInfo.InvariantCulture))),
            ("SYSLOG_TIMESTAMP", Ascii(match.Groups["ts"].Value + " ")),
            ("SYSLOG_IDENTIFIER", Ascii(match.Groups["tag"].Value)),
            ("SYSLOG_PID", Ascii(match.Groups["pid"].Value)),
            ("_PID", Ascii(match.Groups["pid"].Value)),
            ("_SYSTEMD_UNIT", Ascii(unit)),
            ("_HOSTNAME", Ascii(hostname)),
            ("MESSAGE", Encoding.UTF8.GetBytes(match.Groups["msg"].Value)),
        ]);
    }

    /// <summary>An entry whose MESSAGE is raw bytes (journalctl's JSON then gives it as an array of numbers).</summary>
    public static Entry RawMessage(byte[] message, DateTimeOffset realtime, int priority = 1) => new(realtime,
    [
        ("_TRANSPORT", "syslog"u8.ToArray()),
        ("PRIORITY", Ascii(priority.ToString(CultureInfo.InvariantCulture))),
        ("SYSLOG_IDENTIFIER", "haproxy"u8.ToArray()),
        ("_SYSTEMD_UNIT", "haproxy.service"u8.ToArray()),
        ("MESSAGE", message),
    ]);

    /// <summary>Writes <paramref name="entries"/> into a new journal file <paramref name="path"/> (which must end in .journal).</summary>
    public static async Task WriteAsync(string path, IEnumerable<Entry> entries)
    {
        await using var writer = JournalRemoteWriter.Start(path);
        foreach (var entry in entries)
        {
            writer.Write(entry);
        }
        await writer.CompleteAsync();
    }

    /// <summary>One entry in the journal export format.</summary>
    public static byte[] Export(Entry entry)
    {
        using var export = new MemoryStream();
        var realtimeUs = (entry.Realtime - DateTimeOffset.UnixEpoch).Ticks / 10;
        Field(export, "__REALTIME_TIMESTAMP", Ascii(realtimeUs.ToString(CultureInfo.InvariantCulture)));
        Field(export, "__MONOTONIC_TIMESTAMP", Ascii(Interlocked.Increment(ref _monotonic).ToString(CultureInfo.InvariantCulture)));
        Field(export, "_BOOT_ID", "0123456789abcdef0123456789abcdef"u8.ToArray());
        foreach (var (field, value) in entry.Fields)
        {
            Field(export, field, value);
        }
        export.WriteByte((byte)'\n');
        return export.ToArray();
    }

    /// <summary>A field in the export format: text values as <c>NAME=value</c>, others as <c>NAME\n</c>, a 64-bit little-endian
    /// length and the bytes.</summary>
    private static void Field(Stream export, string name, byte[] value)
    {
        var text = Array.TrueForAll(value, b => b is >= 0x20 and < 0x7f) || (Array.TrueForAll(value, b => b != '\n') && IsUtf8(value));
        export.Write(Encoding.ASCII.GetBytes(name));
        if (text)
        {
            export.WriteByte((byte)'=');
            export.Write(value);
        }
        else
        {
            export.WriteByte((byte)'\n');
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)value.Length);
            export.Write(length);
            export.Write(value);
        }
        export.WriteByte((byte)'\n');
    }

    private static bool IsUtf8(byte[] value)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [GeneratedRegex(@"^<(?<pri>\d{1,3})>(?<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) (?<tag>[^\[: ]+)\[(?<pid>\d+)\]: (?<msg>.*)$")]
    private static partial Regex SyslogDatagram();
}
