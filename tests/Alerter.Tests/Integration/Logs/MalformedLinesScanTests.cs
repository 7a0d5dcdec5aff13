using System.Text;
using Alerter.Logs;
using Alerter.Tests.Support;

namespace Alerter.Tests.Integration.Logs;

[Trait("Category", "Integration")]
public class MalformedLinesScanTests
{
    [Fact]
    public async Task Scan_GarbageTruncatedOverlongAndInvalidUtf8Appended_SkippedCountedLaterEventsFound()
    {
        // The O_APPEND-like sink: SyslogFileSink keeps its own write position and would overwrite appended lines.
        await using var lab = await HAProxyLogLab.StartAsync(appendingSink: true);
        var harness = new ScanHarness(lab.Directory.Combine("alerter.db"));
        await harness.ScanAsync(lab.LogPath, StartPosition.End);
        lab.Web1.Stop();
        await lab.WaitForLinesAsync("Server app/web1 is DOWN", 1, TimeSpan.FromSeconds(10));
        var realDown = lab.ReadLog().Split('\n').First(l => l.Contains("Server app/web1 is DOWN", StringComparison.Ordinal));

        // Appended by another writer between HAProxy's lines, as a broken relay or a disk error would.
        using (var stream = new FileStream(lab.LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Write("\0\0\x01garbage \x1b[31m\n"u8);
            stream.Write(Encoding.UTF8.GetBytes(realDown[..(realDown.Length / 2)] + "\n"));
            stream.Write([.. Encoding.UTF8.GetBytes(realDown.Replace("web1", "w\u00e9b1", StringComparison.Ordinal)).Select(b => b == 0xc3 ? (byte)0xff : b), (byte)'\n']);
            stream.Write(Encoding.ASCII.GetBytes(realDown[..60] + new string('A', 1024 * 1024) + "\n"));
        }
        lab.Web1.Start();
        await lab.WaitForLinesAsync("Server app/web1 is UP", 1, TimeSpan.FromSeconds(10));
        await ServerTransitionScanTests.ScanUntilAsync(harness, lab.LogPath, rows => rows.Any(r => r.Kind == "ServerUp"));

        harness.Events().Select(r => (r.Kind, r.Server)).ShouldBe([("ServerDown", "web1"), ("ServerUp", "web1")]);
        var counters = harness.CheckpointCounters(lab.LogPath);
        counters["malformed"].ShouldBe(2, "the truncated state change and the invalid UTF-8 one");
        counters["invalid_utf8"].ShouldBe(1);
        counters["overlong"].ShouldBe(1);
    }
}
