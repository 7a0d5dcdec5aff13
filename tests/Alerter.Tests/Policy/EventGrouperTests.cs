using Alerter.Policy;

namespace Alerter.Tests.Policy;

public class EventGrouperTests
{
    private readonly AlertPolicyOptions _options = new();

    [Fact]
    public void Split_BurstStillArriving_HoldsIt()
    {
        var t = Events.T0;
        var events = new[] { Events.Down("app", "s1", t), Events.Down("app", "s2", t.AddMilliseconds(500)) };
        var (released, held) = EventGrouper.Split(events, t.AddMilliseconds(900), _options);
        released.ShouldBeEmpty();
        held.Count.ShouldBe(2);
    }

    [Fact]
    public void Split_BurstSettled_ReleasesOneGroup()
    {
        var t = Events.T0;
        var events = Enumerable.Range(1, 5).Select(i => Events.Down("app", $"s{i}", t.AddMilliseconds(200 * i))).ToList();
        var (released, held) = EventGrouper.Split(events, t.AddSeconds(2.1), _options);
        released.Count.ShouldBe(1);
        released[0].Count.ShouldBe(5);
        held.ShouldBeEmpty();
    }

    [Fact]
    public void Split_EventsKeepComing_ReleasedAtTheWindowEvenIfNotSettled()
    {
        var t = Events.T0;
        var events = Enumerable.Range(0, 11).Select(i => Events.Down("app", $"s{i}", t.AddSeconds(i * 0.9))).ToList();
        var now = t.AddSeconds(9.5);
        var (released, held) = EventGrouper.Split(events.Where(e => e.Time <= now).ToList(), now, _options);
        released.ShouldBeEmpty(); // 9.5 s after the first, still within the window and still arriving

        (released, held) = EventGrouper.Split(events, t.AddSeconds(10), _options);
        released.Count.ShouldBe(1);
        released[0].Count.ShouldBe(11); // spans 9 s < 10 s window
        held.ShouldBeEmpty();
    }

    [Fact]
    public void Split_BacklogSpanningMinutes_SplitsOnGapsAndWindow()
    {
        var t = Events.T0;
        var events = new List<PolicyEvent>
        {
            Events.Down("app", "s1", t), Events.Down("app", "s2", t.AddSeconds(1)),      // group 1 (gap 1 s = settle: together)
            Events.Up("app", "s1", t.AddSeconds(30)),                                     // group 2 (gap 29 s)
        };
        events.AddRange(Enumerable.Range(0, 12).Select(i => Events.Down("app", $"x{i}", t.AddSeconds(60 + i)))); // 11 s span: split by window
        var (released, held) = EventGrouper.Split(events, t.AddMinutes(5), _options);
        released.Select(g => g.Count).ShouldBe([2, 1, 10, 2]);
        held.ShouldBeEmpty();
    }

    [Fact]
    public void Split_TimestampAheadOfClock_IsReleasedNotHeldForever()
    {
        var now = Events.T0;
        var (released, held) = EventGrouper.Split([Events.Down("app", "s1", now.AddHours(1))], now, _options);
        released.Count.ShouldBe(1);
        held.ShouldBeEmpty();
    }

    [Fact]
    public void ReleaseAt_SettlingGroup_OneTickAfterLastEventPlusSettle()
    {
        var t = Events.T0;
        var events = new[] { Events.Down("app", "s1", t), Events.Down("app", "s2", t.AddMilliseconds(400)) };
        var (_, held) = EventGrouper.Split(events, t.AddMilliseconds(500), _options);

        var due = EventGrouper.ReleaseAt(held, _options);

        due.ShouldBe(t.AddMilliseconds(400) + _options.GroupSettle + TimeSpan.FromTicks(1));
    }

    [Fact]
    public void ReleaseAt_BurstStillArrivingNearWindowEnd_IsWindowEnd()
    {
        var t = Events.T0;
        var events = Enumerable.Range(0, 11).Select(i => Events.Down("app", $"s{i}", t.AddSeconds(i * 0.95))).ToList();
        var (_, held) = EventGrouper.Split(events, t.AddSeconds(9.6), _options);
        held.Count.ShouldBe(11);

        EventGrouper.ReleaseAt(held, _options).ShouldBe(t + _options.GroupWindow);
    }

    [Fact]
    public void ReleaseAt_EventsOutOfTimeOrder_UsesTheLatest()
    {
        var t = Events.T0;
        var held = new[] { Events.Down("app", "s1", t.AddMilliseconds(700)), Events.Down("app", "s2", t) };

        EventGrouper.ReleaseAt(held, _options).ShouldBe(t.AddMilliseconds(700) + _options.GroupSettle + TimeSpan.FromTicks(1));
    }

    [Fact]
    public void ReleaseAt_EmptyGroup_Null()
    {
        EventGrouper.ReleaseAt([], _options).ShouldBeNull();
    }

    [Theory]
    [InlineData(1)]   // settles
    [InlineData(11)]  // reaches the window while still arriving
    public void ReleaseAt_SplitJustBeforeHoldsAndAtReleases(int count)
    {
        var t = Events.T0;
        var events = Enumerable.Range(0, count).Select(i => Events.Down("app", $"s{i}", t.AddSeconds(i * 0.95))).ToList();
        var (_, held) = EventGrouper.Split(events, events[^1].Time, _options);
        var due = EventGrouper.ReleaseAt(held, _options)!.Value;

        EventGrouper.Split(events, due - TimeSpan.FromTicks(1), _options).Held.Count.ShouldBe(count);
        var (released, stillHeld) = EventGrouper.Split(events, due, _options);
        stillHeld.ShouldBeEmpty();
        released.ShouldHaveSingleItem().Count.ShouldBe(count);
    }
}
