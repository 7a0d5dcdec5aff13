using Alerter.Logs;
using Alerter.Tests.Support;

namespace Alerter.Tests.Integration.Logs;

/// <summary>
/// HAProxy writes (request lines from traffic plus transitions) while a scan loop runs every 50 ms and the test
/// rotates the log. Every transition line in any of the files must be stored exactly once.
/// </summary>
[Trait("Category", "Integration")]
public class RotationWhileWritingTests
{
    private const int Transitions = 8;

    [Fact]
    public async Task Scan_RenameRotationsWhileHAProxyWrites_NoTransitionMissedOrRepeated()
    {
        await using var lab = await HAProxyLogLab.StartAsync();
        var rotation = 0;
        await RunAsync(lab, () =>
        {
            // Rename, then the daemon reopens (logrotate + SIGHUP). Date-style names, so no copy is overwritten
            // and the test can count every line HAProxy wrote.
            File.Move(lab.LogPath, $"{lab.LogPath}-{++rotation}");
            lab.RenameSink!.Reopen();
        }, expectedAction: nameof(ScanAction.FinishRotatedThenNew));
    }

    [Fact]
    public async Task Scan_CopytruncateWhileHAProxyWrites_NoTransitionMissedOrRepeated()
    {
        await using var lab = await HAProxyLogLab.StartAsync(appendingSink: true);
        var rotation = 0;
        await RunAsync(lab, () =>
        {
            // The sink's lock stands in for the instant logrotate's copy and truncate take: lines written in
            // between would be lost by copytruncate itself, whatever the reader does.
            lock (lab.AppendSink!.WriteLock)
            {
                File.Copy(lab.LogPath, $"{lab.LogPath}-{++rotation}");
                using var truncate = new FileStream(lab.LogPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                truncate.SetLength(0);
            }
        }, expectedAction: nameof(ScanAction.RestartAfterTruncate));
    }

    private static string Describe(HAProxyLogLab lab, ScanHarness harness)
    {
        var files = Directory.EnumerateFiles(lab.Directory.Path, "haproxy.log*").Order()
            .Select(f => $"{Path.GetFileName(f)}: " + string.Join(" | ", HAProxyLogLab.ReadShared(f).Split('\n').Where(l => l.Contains("Server app", StringComparison.Ordinal)).Select(l => l[..40])));
        var rows = harness.Events().Select(r => $"{r.Key} from {Path.GetFileName(r.Source)}");
        return "files:\n" + string.Join("\n", files) + "\nrows:\n" + string.Join("\n", rows);
    }

    private static async Task RunAsync(HAProxyLogLab lab, Action rotate, string expectedAction)
    {
        var harness = new ScanHarness(lab.Directory.Combine("alerter.db"));
        lab.StartTraffic();
        using var stop = new CancellationTokenSource();
        var actions = new List<ScanAction>();
        var trace = new List<string>();
        var loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await harness.ScanAsync(lab.LogPath, StartPosition.Beginning);
                lock (actions)
                {
                    actions.Add(result.Action);
                    if (result.Action != ScanAction.Continue || result.Events > 0)
                    {
                        trace.Add($"{result.Action} {result.Reason} events={result.Events} new={result.Inserted} offset={result.Offset}");
                    }
                }
                await Task.Delay(50);
            }
        });
        try
        {
            for (var i = 0; i < Transitions; i++)
            {
                var goingDown = i % 2 == 0;
                if (goingDown)
                {
                    lab.Web1.Stop();
                }
                else
                {
                    lab.Web1.Start();
                }
                await lab.WaitForLinesAsync(goingDown ? "Server app/web1 is DOWN" : "Server app/web1 is UP", i / 2 + 1, TimeSpan.FromSeconds(10));
                // Rotate right after the transition reached the file, often before the scan loop saw it.
                rotate();
                await Task.Delay(120);
            }
            lab.Web1.Stop();
            await lab.WaitForLinesAsync("Server app/web1 is DOWN", Transitions / 2 + 1, TimeSpan.FromSeconds(10));
            await ServerTransitionScanTests.ScanUntilAsync(harness, lab.LogPath, rows => rows.Count >= Transitions + 1);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\n" + Describe(lab, harness) + "\ntrace:\n" + string.Join("\n", trace), ex);
        }
        finally
        {
            stop.Cancel();
            await loop;
        }
        await harness.ScanAsync(lab.LogPath);

        var rows = harness.Events();
        var downLines = lab.CountLines("Server app/web1 is DOWN");
        var upLines = lab.CountLines("Server app/web1 is UP");
        (downLines + upLines).ShouldBe(Transitions + 1, "the log files hold every transition HAProxy wrote");
        var story = Describe(lab, harness) + "\ntrace:\n" + string.Join("\n", trace);
        rows.Count(r => r.Kind == "ServerDown").ShouldBe(downLines, story);
        rows.Count(r => r.Kind == "ServerUp").ShouldBe(upLines, story);
        lock (actions)
        {
            actions.Select(a => a.ToString()).ShouldContain(expectedAction);
        }
    }
}
