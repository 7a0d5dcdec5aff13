using System.Globalization;
using Alerter.Scheduling;

namespace Alerter.Tests.Scheduling;

public class RecoveredFiringTests
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 22, 2, 59, 21, TimeSpan.Zero).AddMilliseconds(441.6639);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>What Quartz 4.7 stores for the original firing: Convert.ToString, which drops the fraction.</summary>
    private static DateTimeOffset AsQuartzKeepsIt(DateTimeOffset scheduled)
        => RecoveredFiring.ParseOriginal(Convert.ToString(scheduled, CultureInfo.InvariantCulture))!.Value;

    [Fact]
    public void ParseOriginal_QuartzText_IsTheSecondOnly()
    {
        AsQuartzKeepsIt(Start.AddSeconds(5)).ShouldBe(new DateTimeOffset(2026, 11, 22, 2, 59, 26, TimeSpan.Zero));
    }

    [Fact]
    public void ParseOriginal_UnixMilliseconds_Exact()
    {
        RecoveredFiring.ParseOriginal("1795316366441").ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1795316366441));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void ParseOriginal_Nothing_Null(string? text)
    {
        RecoveredFiring.ParseOriginal(text).ShouldBeNull();
    }

    [Theory]
    [InlineData(2)] // the usual case: the original ran 2 ms late and its node died mid-run
    [InlineData(900)] // ran late, still within the interval
    public void Reconstruct_SimpleTriggerFiringThatRanLate_TheOriginalToTheTick(int lateMs)
    {
        var scheduled = Start.AddSeconds(5);

        var found = RecoveredFiring.Reconstruct(AsQuartzKeepsIt(scheduled), scheduled.AddMilliseconds(lateMs), Start, Second);

        found.ShouldBe(scheduled);
    }

    [Fact]
    public void Reconstruct_RecoveryItselfLate_StillTheOriginalToTheTick()
    {
        // A recovery that misfired runs "now": its own time says nothing about the original any more.
        var scheduled = Start.AddSeconds(5);

        RecoveredFiring.Reconstruct(AsQuartzKeepsIt(scheduled), scheduled.AddSeconds(2.6), Start, Second).ShouldBe(scheduled);
    }

    [Fact]
    public void Reconstruct_IntervalUnderASecond_TheLastFiringAtOrBeforeTheActualFireTime()
    {
        var quarter = TimeSpan.FromMilliseconds(250);
        var scheduled = Start.AddSeconds(5).AddMilliseconds(250); // 26.691: the second of 4 firings in 26.x

        RecoveredFiring.Reconstruct(AsQuartzKeepsIt(scheduled), scheduled.AddMilliseconds(20), Start, quarter).ShouldBe(scheduled);
        RecoveredFiring.Reconstruct(AsQuartzKeepsIt(scheduled), scheduled.AddSeconds(3), Start, quarter).ShouldBe(Start.AddSeconds(4).AddMilliseconds(750), "no actual time to go by: the first in that second");
    }

    [Fact]
    public void Reconstruct_TriggerThatDidNotFireInThatSecond_KeepsTheSecondQuartzKept()
    {
        var kept = AsQuartzKeepsIt(Start.AddSeconds(5));

        RecoveredFiring.Reconstruct(kept, Start.AddSeconds(5.002), Start.AddMilliseconds(600), TimeSpan.FromSeconds(10)).ShouldBe(kept);
    }

    [Fact]
    public void Reconstruct_NoSimpleTriggerToGoBy_KeepsTheSecondQuartzKept()
    {
        var kept = AsQuartzKeepsIt(Start.AddSeconds(5));

        RecoveredFiring.Reconstruct(kept, Start.AddSeconds(5.002), null, null).ShouldBe(kept);
        RecoveredFiring.Reconstruct(kept, Start.AddSeconds(5.002), Start, TimeSpan.Zero).ShouldBe(kept);
    }

    [Fact]
    public void Reconstruct_ExactOriginal_Unchanged()
    {
        var scheduled = Start.AddSeconds(5);

        RecoveredFiring.Reconstruct(scheduled, scheduled.AddMilliseconds(3), Start, Second).ShouldBe(scheduled);
    }
}
