using HAProxy.Rates;
using static HAProxy.Tests.Rates.RateSamples;

namespace HAProxy.Tests.Rates;

public class ContinuityCheckTests
{
    private static readonly HAProxy.Stats.StatTable Stats = Table(0);

    [Fact]
    public void Compare_NoPrevious_FirstPoll()
        => ContinuityCheck.Compare(null, At(0, Stats)).ShouldBe(Continuity.FirstPoll);

    [Fact]
    public void Compare_SameProcessLater_Continuous()
        => ContinuityCheck.Compare(At(0, Stats), At(10, Stats, InfoText(uptime: 110))).ShouldBe(Continuity.Continuous);

    [Fact]
    public void Compare_NewPid_NewProcess()
        => ContinuityCheck.Compare(At(0, Stats), At(10, Stats, InfoText(pid: 7000))).ShouldBe(Continuity.NewProcess);

    [Fact]
    public void Compare_SamePidNewStartTime_NewProcess()
        => ContinuityCheck.Compare(At(0, Stats), At(10, Stats, InfoText(startTime: 1_800_000_900))).ShouldBe(Continuity.NewProcess);

    [Fact]
    public void Compare_UptimeWentDown_UptimeWentDown()
        => ContinuityCheck.Compare(At(0, Stats, InfoText(uptime: 500)), At(10, Stats, InfoText(uptime: 4))).ShouldBe(Continuity.UptimeWentDown);

    [Fact]
    public void Compare_SameTimestamp_NoTimeElapsed()
        => ContinuityCheck.Compare(At(10, Stats), At(10, Stats)).ShouldBe(Continuity.NoTimeElapsed);
}
