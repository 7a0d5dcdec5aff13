using Alerter.Logs;

namespace Alerter.Tests.Logs;

public class OrdinalTrackerTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 21, 21, 39, 16, TimeSpan.Zero);

    [Fact]
    public void Next_SameKeyTwiceInOneSecond_CountsUp()
    {
        var tracker = new OrdinalTracker();

        tracker.Next("k", T).ShouldBe(1);
        tracker.Next("other", T).ShouldBe(1);
        tracker.Next("k", T).ShouldBe(2);
    }

    [Fact]
    public void Serialize_RoundTrip_ContinuesNumbering()
    {
        var tracker = new OrdinalTracker();
        tracker.Next("lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z", T);

        var resumed = OrdinalTracker.Parse(tracker.Serialize());

        resumed.Next("lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z", T).ShouldBe(2);
    }

    [Fact]
    public void Next_AfterWindow_ForgetsOldKeys()
    {
        var tracker = new OrdinalTracker();
        tracker.Next("old", T);
        tracker.Next("new", T + OrdinalTracker.Window + TimeSpan.FromSeconds(1));

        tracker.Serialize().ShouldNotContain("old");
        tracker.Serialize().ShouldContain("new");
    }

    [Fact]
    public void Parse_GarbageState_StartsEmpty()
    {
        OrdinalTracker.Parse("not\ta number\n\n").Next("k", T).ShouldBe(1);
    }
}
