using Storage.Samples;
using Storage.Sqlite;

namespace Storage.Tests.Sqlite;

public class RollupAccumulatorTests
{
    private static KeyValuePair<string, FieldValue>[] Fields(double rate, long current) =>
        [new("session_rate", FieldValue.Of(rate)), new("sessions_current", FieldValue.Of(current)), new("status", FieldValue.Of("UP"))];

    [Fact]
    public void Add_NextMinuteStarts_CompletesAvgAndMax()
    {
        var rollups = new RollupAccumulator();
        var completed = new List<RollupRow>();
        const long minute = 1_800_000_000_000 - 1_800_000_000_000 % 60_000;

        rollups.Add(7, minute + 0, Fields(1, 10), completed);
        rollups.Add(7, minute + 20_000, Fields(2, 30), completed);
        rollups.Add(7, minute + 40_000, Fields(6, 20), completed);
        completed.ShouldBeEmpty();
        rollups.Add(7, minute + 60_000, Fields(100, 100), completed);

        var row = completed.ShouldHaveSingleItem();
        row.SeriesId.ShouldBe(7);
        row.MinuteUnixMs.ShouldBe(minute);
        row.Samples.ShouldBe(3);
        row.Fields.ShouldBe([new RollupField("session_rate", 3, 6), new RollupField("sessions_current", 20, 30)]);
    }

    [Fact]
    public void CompleteBefore_SeriesStoppedReporting_IsHandedOut()
    {
        var rollups = new RollupAccumulator();
        var completed = new List<RollupRow>();
        rollups.Add(1, 60_000, Fields(1, 1), completed);
        rollups.Add(2, 120_000, Fields(1, 1), completed);

        rollups.CompleteBefore(120_000, completed);

        completed.ShouldHaveSingleItem().SeriesId.ShouldBe(1);
        rollups.OpenBuckets.ShouldBe(1);
    }

    [Fact]
    public void Add_LateSampleForEarlierMinute_Ignored()
    {
        var rollups = new RollupAccumulator();
        var completed = new List<RollupRow>();
        rollups.Add(1, 120_000, Fields(1, 1), completed);
        rollups.Add(1, 60_000, Fields(50, 50), completed);
        rollups.CompleteAll(completed);

        completed.ShouldHaveSingleItem().Fields[0].Maximum.ShouldBe(1);
    }
}
