using System.Text.Json;
using Dashboard.Web.Api;
using Dashboard.Web.Live;

namespace Dashboard.Web.Tests.Live;

/// <summary>The stream's row protocol: each row named by a number introduced once, values as arrays, removals by number.</summary>
public sealed class LiveRowsTests
{
    private static OverviewRow Row(string server, long time, double rate = 0) => new("server", "haproxy_server", "lb1", "be", server, time, false,
        "UP", "L7OK", 1, 1, 0, 0, 0, rate, 0, 0, 0, 0, 0, null, null, null, null, null, null);

    private static OverviewRow Process() => new("process", "haproxy_process", "lb1", null, null, 1, false,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        new Dictionary<string, double?> { ["run_queue"] = 1 }, "2.6.12", null, null);

    private static object? Column(LiveRows message, object?[] row, string name) => row[message.Columns.ToList().IndexOf(name)];

    [Fact]
    public void Changes_IntroduceEachRowOnce_ThenNameItByNumberOnly()
    {
        var ids = new LiveRowIds();
        var first = LiveRows.Changes(1, [], [Row("a", 1), Row("b", 1), Process()], [], ids);
        first.Keys.Select(k => k[4]).ShouldBe(["a", "b"]);
        first.Nodes.Single().Kind.ShouldBe("process");
        var idOfB = (long)first.Keys.Single(k => (string?)k[4] == "b")[0]!;

        var second = LiveRows.Changes(2, [], [Row("b", 2, rate: 3.5), Row("c", 2)], [], ids);
        second.Keys.Select(k => k[4]).ShouldBe(["c"]); // b is known by its number
        var b = second.Rows.Single(r => (long)r[0]! == idOfB);
        Column(second, b, "timeUnixMs").ShouldBe(2L);
        Column(second, b, "sessionRate").ShouldBe(3.5);
        second.KeysReset.ShouldBeFalse();
    }

    [Fact]
    public void Changes_RemovedRow_IsSentByNumberAndComesBackWithANewOne()
    {
        var ids = new LiveRowIds();
        var first = LiveRows.Changes(1, [], [Row("a", 1)], [], ids);
        var id = (long)first.Keys.Single()[0]!;
        var gone = LiveRows.Changes(2, [], [], [RowKey.Of(Row("a", 1)), "process\u001flb1\u001f\u001f"], ids);
        gone.Removed.ShouldBe([id]); // the process row never had a number
        var back = LiveRows.Changes(3, [], [Row("a", 3)], [], ids);
        ((long)back.Keys.Single()[0]!).ShouldNotBe(id);
    }

    [Fact]
    public void First_CarriesTheWholeTableAndOnlyTheNewerRows()
    {
        var ids = new LiveRowIds();
        LiveRows.Changes(1, [], [Row("a", 1), Row("b", 1)], [], ids);
        var catalogue = new[] { Row("a", 1), Row("b", 5), Process() };
        var first = LiveRows.First(5, [], catalogue, catalogue.Where(r => r.TimeUnixMs > 1), ids);
        first.KeysReset.ShouldBeTrue();
        first.Keys.Select(k => k[4]).ShouldBe(["a", "b"]);
        first.Rows.Count.ShouldBe(1);
        Column(first, first.Rows[0], "timeUnixMs").ShouldBe(5L);
    }

    [Fact]
    public void Message_SerializesAsThePageReadsIt()
    {
        var message = LiveRows.Changes(7, [], [Row("srv<1>", 1, rate: 1.0 / 3)], [], new LiveRowIds());
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(message, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var root = json.RootElement;
        root.GetProperty("keys")[0].EnumerateArray().Select(v => v.ToString()).ShouldBe(["1", "server", "lb1", "be", "srv<1>"]);
        root.GetProperty("columns")[0].GetString().ShouldBe("id");
        root.GetProperty("rows")[0][root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf("sessionRate")]
            .GetDouble().ShouldBe(0.333333);
        root.GetProperty("removed").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData(1.0 / 3, 0.333333)]
    [InlineData(12345.678901, 12345.7)]
    [InlineData(9123456.7, 9123457)]
    [InlineData(-0.000123456789, -0.000123457)]
    [InlineData(0, 0)]
    [InlineData(42, 42)]
    public void Shown_KeepsSixSignificantDigits(double value, double expected) => LiveRowColumns.Shown(value).ShouldBe(expected);

    [Fact]
    public void Shown_NullAndNonFinite_PassThrough()
    {
        LiveRowColumns.Shown(null).ShouldBeNull();
        LiveRowColumns.Shown(double.NaN).ShouldBe(double.NaN);
    }
}
