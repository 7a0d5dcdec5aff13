using Dashboard.Web.Api;
using Dashboard.Web.Live;

namespace Dashboard.Web.Tests.Live;

public sealed class CatalogueDiffTests
{
    private static OverviewRow Row(string server, long time, bool stale = false) => new("server", "haproxy_server", "lb1", "be", server, time, stale,
        "UP", null, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null);

    private static Dictionary<string, OverviewRow> Map(params OverviewRow[] rows) => rows.ToDictionary(RowKey.Of);

    [Fact]
    public void Between_NewerSampleNewRowStaleFlipAndRemoval_AreReported()
    {
        var before = Map(Row("a", 1), Row("b", 1), Row("c", 1), Row("gone", 1));
        var after = Map(Row("a", 1), Row("b", 2), Row("c", 1, stale: true), Row("new", 2));
        var (changed, removed) = CatalogueDiff.Between(before, after);
        changed.Select(r => r.Server).ShouldBe(["b", "c", "new"], ignoreOrder: true);
        removed.Select(k => k.Split('\u001f')[3]).ShouldBe(["gone"]);
    }
}
