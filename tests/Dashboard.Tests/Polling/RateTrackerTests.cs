using Dashboard.Top.Model;
using Dashboard.Top.Polling;
using HAProxy.Info;
using HAProxy.Rates;
using HAProxy.Stats;

namespace Dashboard.Tests.Polling;

public class RateTrackerTests
{
    private static readonly DateTimeOffset T0 = TopTestData.At;

    private static StatTable Table(long stot, long bin, long bout, long reqTot, bool swap = false)
    {
        var lines = TopTestData.StatText.Split('\n').ToList();
        var header = lines[0][2..].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var index = lines.FindIndex(l => l.StartsWith("be,srv1,", StringComparison.Ordinal));
        var cells = lines[index].Split(',');
        cells[Col("stot")] = stot.ToString();
        cells[Col("bin")] = bin.ToString();
        cells[Col("bout")] = bout.ToString();
        cells[Col("req_tot")] = reqTot.ToString();
        lines[index] = string.Join(',', cells);
        if (swap)
        {
            (lines[1], lines[index]) = (lines[index], lines[1]);
        }
        return StatCsvParser.Parse(string.Join('\n', lines));
    }

    private static StatSample Sample(StatTable table, int pid, DateTimeOffset at, long uptime = 100, long startTime = 1_800_000_000)
        => new(at, ProcessInfo.Parse($"Name: HAProxy\nPid: {pid}\nUptime_sec: {uptime}\nStart_time_sec: {startTime}\n"), table);

    private static RowDerived Srv1(RowDerived[] rows) => rows.Single(r => r.Service == "srv1");

    [Fact]
    public void Update_TwoSamplesTwoSecondsApart_ComputesPerSecondRates()
    {
        var tracker = new RateTracker();
        Srv1(tracker.Update(Sample(Table(10, 1000, 2000, 10), 1, T0)).Rows).SessionRate.ShouldBe(float.NaN);

        var rows = tracker.Update(Sample(Table(30, 5000, 10000, 50), 1, T0.AddSeconds(2))).Rows;

        var srv1 = Srv1(rows);
        srv1.SessionRate.ShouldBe(10f);
        srv1.BytesInRate.ShouldBe(2000f);
        srv1.BytesOutRate.ShouldBe(4000f);
        srv1.RequestRate.ShouldBe(20f);
    }

    [Fact]
    public void Update_CounterWentDown_GivesNoRateRatherThanANegativeOne()
    {
        var tracker = new RateTracker();
        tracker.Update(Sample(Table(100, 1000, 2000, 100), 1, T0));

        var srv1 = Srv1(tracker.Update(Sample(Table(5, 10, 20, 5), 1, T0.AddSeconds(1))).Rows);

        srv1.SessionRate.ShouldBe(float.NaN);
        srv1.BytesInRate.ShouldBe(float.NaN);
    }

    [Fact]
    public void Update_NewPid_GivesNoRateForTheFirstSampleOfTheNewProcess()
    {
        var tracker = new RateTracker();
        tracker.Update(Sample(Table(10, 1000, 2000, 10), 1, T0));

        var srv1 = Srv1(tracker.Update(Sample(Table(30, 5000, 10000, 50), 2, T0.AddSeconds(1))).Rows);

        srv1.SessionRate.ShouldBe(float.NaN);
    }

    [Fact]
    public void Update_RowsInAnotherOrder_MatchesThemByName()
    {
        var tracker = new RateTracker();
        var first = Srv1(tracker.Update(Sample(Table(10, 1000, 2000, 10), 1, T0)).Rows);

        var second = Srv1(tracker.Update(Sample(Table(20, 1000, 2000, 10, swap: true), 1, T0.AddSeconds(1))).Rows);

        second.SessionRate.ShouldBe(10f);
        second.History.ShouldBeSameAs(first.History);
    }

    [Fact]
    public void Update_TrafficAccumulatesIntoHistoryBuckets()
    {
        var tracker = new RateTracker();
        tracker.Update(Sample(Table(10, 1000, 2000, 10), 1, T0));
        var (rows, bucket) = tracker.Update(Sample(Table(20, 1500, 2500, 10), 1, T0.AddSeconds(1)));
        var buckets = new long[2];

        Srv1(rows).History!.CopyTo(bucket, buckets);

        buckets.ShouldBe([-1, 1000]);
    }

    [Fact]
    public void Update_OneCounterWentDown_NoRateForAnyCounterOfThatRow()
    {
        // The regression this guards: the viewer had its own rule and rated the counters that had not gone down.
        var tracker = new RateTracker();
        tracker.Update(Sample(Table(100, 1000, 2000, 100), 1, T0));

        var srv1 = Srv1(tracker.Update(Sample(Table(200, 5000, 20, 150), 1, T0.AddSeconds(1))).Rows);

        srv1.SessionRate.ShouldBe(float.NaN);
        srv1.BytesInRate.ShouldBe(float.NaN);
        srv1.RequestRate.ShouldBe(float.NaN);
    }

    [Fact]
    public void Update_SamePidNewStartTime_NoRate()
    {
        var tracker = new RateTracker();
        tracker.Update(Sample(Table(10, 1000, 2000, 10), 1, T0));

        var srv1 = Srv1(tracker.Update(Sample(Table(30, 5000, 10000, 50), 1, T0.AddSeconds(1), startTime: 1_800_000_500)).Rows);

        srv1.SessionRate.ShouldBe(float.NaN);
    }

    [Fact]
    public void Update_UptimeWentDown_NoRate()
    {
        var tracker = new RateTracker();
        tracker.Update(Sample(Table(10, 1000, 2000, 10), 1, T0, uptime: 500));

        var srv1 = Srv1(tracker.Update(Sample(Table(30, 5000, 10000, 50), 1, T0.AddSeconds(1), uptime: 3)).Rows);

        srv1.SessionRate.ShouldBe(float.NaN);
    }

    [Fact]
    public void Update_NewProcess_CountsItsCountersAsTrafficSinceAndKeepsTheHistory()
    {
        var tracker = new RateTracker();
        var first = Srv1(tracker.Update(Sample(Table(10, 1000, 2000, 10), 1, T0)).Rows);
        var (rows, bucket) = tracker.Update(Sample(Table(1, 300, 400, 1), 2, T0.AddSeconds(1)));
        var buckets = new long[1];

        Srv1(rows).History.ShouldBeSameAs(first.History);
        Srv1(rows).History!.CopyTo(bucket, buckets);

        buckets.ShouldBe([700]);
    }
}
