using HAProxy.Fields;
using HAProxy.Rates;
using HAProxy.Stats;
using static HAProxy.Tests.Rates.RateSamples;

namespace HAProxy.Tests.Rates;

public class CounterDeltasTests
{
    private static long[] Deltas(CounterDeltas deltas, StatTable table, int position, out RowDelta outcome)
    {
        var values = new long[deltas.Counters.Count];
        outcome = deltas.Compute(table[position], deltas.FindPrevious(position, table[position]), values);
        return values;
    }

    private static int Position(StatTable table, string proxy, string service)
        => Enumerable.Range(0, table.Count).First(i => table[i].ProxyName == proxy && table[i].ServiceName == service);

    [Fact]
    public void Between_EveryCatalogueCounterInTheCapture_IsRated()
    {
        var table = Table(0);
        var deltas = CounterDeltas.Between(At(0, table), At(10, Table(20)));

        deltas.Counters.Select(c => c.Definition.Name).ShouldBe(
            FieldCatalogue.RateCounters.Where(f => table.HasColumn(f.Name)).Select(f => f.Name));
        deltas.Counters.Count.ShouldBe(FieldCatalogue.RateCounters.Count);
        deltas.Counters.ShouldAllBe(c => c.Definition.Kind == HAProxy.Fields.FieldKind.Counter);
    }

    [Fact]
    public void Compute_TwoSamplesOfOneProcess_EveryCounterOfTheRowsScopeHasItsDelta()
    {
        var now = Table(20);
        var deltas = CounterDeltas.Between(At(0, Table(0)), At(10, now));
        var server = now.Select((row, i) => (row, i)).First(r => r.row.Type == StatRowType.Server).i;

        var values = Deltas(deltas, now, server, out var outcome);

        outcome.ShouldBe(RowDelta.Rated);
        for (var c = 0; c < values.Length; c++)
        {
            var counter = deltas.Counters[c];
            var carried = (counter.Definition.Scope & FieldScope.Server) != 0 && !now[server].IsEmpty(counter.Column);
            values[c].ShouldBe(carried ? 20 : CounterDeltas.None, counter.Definition.Name);
        }
        deltas.Seconds.ShouldBe(10);
        deltas.Rate(20).ShouldBe(2);
        deltas.Rate(CounterDeltas.None).ShouldBe(double.NaN);
    }

    [Theory]
    [InlineData("stot")]
    [InlineData("hrsp_5xx")]
    [InlineData("lbtot")]
    [InlineData("chkfail")]
    public void Compute_OneCounterWentDown_TheRowHasNoDeltaOthersDo(string counter)
    {
        var before = Table(100);
        var row = before.First(r => r.Type == StatRowType.Server && !r.IsEmpty(before.IndexOf(counter)));
        var key = row.ProxyName + "/" + row.ServiceName;
        var now = Table(120, lower: counter, lowerRow: key);
        var deltas = CounterDeltas.Between(At(0, before), At(10, now));

        var reset = Deltas(deltas, now, Position(now, row.ProxyName, row.ServiceName), out var outcome);
        var other = Deltas(deltas, now, Enumerable.Range(0, now.Count).First(i => now[i].Type == StatRowType.Frontend), out var otherOutcome);

        outcome.ShouldBe(RowDelta.Reset);
        reset.ShouldAllBe(d => d == CounterDeltas.None);
        otherOutcome.ShouldBe(RowDelta.Rated);
        other.ShouldContain(20);
    }

    [Theory]
    [InlineData(7000, 110, 1_800_000_000)] // new Pid
    [InlineData(6085, 110, 1_800_000_900)] // same Pid, new Start_time
    [InlineData(6085, 3, 1_800_000_000)]   // uptime went down
    public void Compute_AnotherProcessLife_NoDeltasButRowsStillMatched(int pid, long uptime, long startTime)
    {
        var now = Table(20);
        var deltas = CounterDeltas.Between(At(0, Table(0)), At(10, now, InfoText(pid, uptime, startTime)));

        var values = Deltas(deltas, now, 0, out var outcome);

        outcome.ShouldBe(RowDelta.NotContinuous);
        values.ShouldAllBe(d => d == CounterDeltas.None);
        deltas.FindPrevious(0, now[0]).ShouldBe(0);
        deltas.Seconds.ShouldBe(0);
    }

    [Fact]
    public void Compute_FirstPoll_NoEarlierRow()
    {
        var now = Table(0);
        var deltas = CounterDeltas.Between(null, At(0, now));

        Deltas(deltas, now, 0, out var outcome);

        deltas.Continuity.ShouldBe(Continuity.FirstPoll);
        outcome.ShouldBe(RowDelta.NotContinuous);
        deltas.FindPrevious(0, now[0]).ShouldBe(-1);
    }

    [Fact]
    public void FindPrevious_RowsReordered_MatchedByTypeAndName()
    {
        var before = Table(0);
        var csv = Fixture.Read("Stats/show-stat-2.6.12.csv").Split('\n');
        var reversed = StatCsvParser.Parse(string.Join('\n', csv.Take(1).Concat(csv.Skip(1).Where(l => l.Length > 0).Reverse())) + "\n");
        var deltas = CounterDeltas.Between(At(0, before), At(10, reversed));

        for (var i = 0; i < reversed.Count; i++)
        {
            var match = deltas.FindPrevious(i, reversed[i]);
            before[match].ProxyName.ShouldBe(reversed[i].ProxyName);
            before[match].ServiceName.ShouldBe(reversed[i].ServiceName);
            before[match].Type.ShouldBe(reversed[i].Type);
        }
        reversed.Count.ShouldBe(before.Count);
    }

    [Fact]
    public void Compute_ServerAddedByAReload_NoEarlierRow()
    {
        var before = StatCsvParser.Parse(string.Join('\n', Fixture.Read("Stats/show-stat-2.6.12.csv").Split('\n').Where(l => !l.Contains(",srv1,", StringComparison.Ordinal) || l.StartsWith('#'))));
        var now = Table(0);
        var deltas = CounterDeltas.Between(At(0, before), At(10, now));
        var added = Position(now, "be", "srv1");

        Deltas(deltas, now, added, out var outcome);

        outcome.ShouldBe(RowDelta.NoEarlierRow);
    }
}
