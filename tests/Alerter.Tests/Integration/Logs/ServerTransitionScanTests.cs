using Alerter.Logs;
using Alerter.Tests.Support;

namespace Alerter.Tests.Integration.Logs;

[Trait("Category", "Integration")]
public class ServerTransitionScanTests
{
    [Fact]
    public async Task ScanAsync_BackendStoppedThenStarted_OneServerDownRowThenOneServerUpRow()
    {
        await using var lab = await HAProxyLogLab.StartAsync();
        var harness = new ScanHarness(lab.Directory.Combine("alerter.db"));
        await harness.ScanAsync(lab.LogPath, StartPosition.End);

        lab.Web1.Stop();
        await lab.WaitForLinesAsync("Server app/web1 is DOWN", 1, TimeSpan.FromSeconds(10));
        await ScanUntilAsync(harness, lab.LogPath, rows => rows.Any(r => r.Kind == "ServerDown"));
        await harness.ScanAsync(lab.LogPath, StartPosition.End);

        var down = harness.Events().ShouldHaveSingleItem();
        down.Kind.ShouldBe("ServerDown");
        down.Proxy.ShouldBe("app");
        down.Server.ShouldBe("web1");
        down.Reason.ShouldBe("Layer4 connection problem");

        lab.Web1.Start();
        await lab.WaitForLinesAsync("Server app/web1 is UP", 1, TimeSpan.FromSeconds(10));
        await ScanUntilAsync(harness, lab.LogPath, rows => rows.Any(r => r.Kind == "ServerUp"));
        await harness.ScanAsync(lab.LogPath, StartPosition.End);

        var rows = harness.Events();
        rows.Select(r => (r.Kind, r.Server)).ShouldBe([("ServerDown", "web1"), ("ServerUp", "web1")]);
        rows[1].Reason.ShouldBe("Layer4 check passed"); // plain TCP checks: no option httpchk
    }

    internal static async Task ScanUntilAsync(ScanHarness harness, string path, Func<List<StoredEvent>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await harness.ScanAsync(path, StartPosition.End);
            var rows = harness.Events();
            if (done(rows))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("expected events did not arrive; stored: " + string.Join(", ", rows.Select(r => r.Key)));
            }
            await Task.Delay(100);
        }
    }
}
