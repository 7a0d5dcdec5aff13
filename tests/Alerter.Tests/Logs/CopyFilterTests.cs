using Alerter.Logs;
using HAProxy.Logs;

namespace Alerter.Tests.Logs;

public class CopyFilterTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 4, 4, 23, 50, 524285 / 1000, TimeSpan.Zero);

    private static LogEvent Down(DateTimeOffset? at, int? pid = 29223, string server = "s1", string host = "vm") => new()
    {
        Kind = LogEventKind.ServerDown,
        Proxy = "be_x",
        Server = server,
        Timestamp = at,
        Pid = pid,
        Hostname = host,
        Message = $"Server be_x/{server} is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
    };

    private static LogEvent Up(DateTimeOffset at) => new()
    {
        Kind = LogEventKind.ServerUp,
        Proxy = "be_x",
        Server = "s1",
        Timestamp = at,
        Pid = 29223,
        Hostname = "vm",
        Message = "Server be_x/s1 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
    };

    private static LogEvent NoServer(DateTimeOffset at) => new()
    {
        Kind = LogEventKind.BackendNoServerAvailable,
        Proxy = "be_x",
        Timestamp = at,
        Pid = 29223,
        Hostname = "vm",
        Message = "backend be_x has no server available!",
    };

    private static string Key(EventKeyer keyer, LogEvent e, out bool copy) => keyer.KeyOf("lb1", e, out copy);

    [Theory]
    [InlineData(0.000021)] // rsyslog's reception stamps of the two copies
    [InlineData(1.0)]      // RFC 3164 seconds: a pair straddling a second
    [InlineData(2.0)]      // the window's edge
    [InlineData(-0.5)]     // a copy stamped earlier (two daemons)
    public void KeyOf_SameHostPidAndTextWithinTheWindow_IsACopyWithTheFirstKey(double secondsLater)
    {
        var keyer = new EventKeyer();
        var first = Key(keyer, Down(T), out var firstIsCopy);

        var second = Key(keyer, Down(T.AddSeconds(secondsLater)), out var isCopy);

        firstIsCopy.ShouldBeFalse();
        isCopy.ShouldBeTrue();
        second.ShouldBe(first);
    }

    [Fact]
    public void KeyOf_PastTheWindow_NewMessage()
    {
        var keyer = new EventKeyer();
        Key(keyer, Down(T), out _);

        Key(keyer, Down(T + CopyFilter.Window + TimeSpan.FromMilliseconds(1)), out var isCopy);

        isCopy.ShouldBeFalse();
    }

    [Theory]
    [InlineData(29224, "vm")] // another process: a reload's new worker
    [InlineData(29223, "lb2")] // another host name in the envelope
    public void KeyOf_OtherPidOrHostName_NewMessage(int pid, string host)
    {
        var keyer = new EventKeyer();
        Key(keyer, Down(T), out _);

        Key(keyer, Down(T.AddMilliseconds(1), pid, host: host), out var isCopy);

        isCopy.ShouldBeFalse();
    }

    [Fact]
    public void KeyOf_DownUpDownWithinASecond_ThreeMessagesWithOrdinal()
    {
        var keyer = new EventKeyer();
        var first = Key(keyer, Down(T), out _);
        Key(keyer, Up(T.AddMilliseconds(100)), out var upIsCopy);

        var again = Key(keyer, Down(T.AddMilliseconds(200)), out var isCopy);

        upIsCopy.ShouldBeFalse();
        isCopy.ShouldBeFalse();
        again.ShouldBe(first + "#2");
    }

    [Fact]
    public void KeyOf_InterleavedCopiesOfTwoServers_BothRecognised()
    {
        var keyer = new EventKeyer();
        var s1 = Key(keyer, Down(T, server: "s1"), out _);
        var s2 = Key(keyer, Down(T, server: "s2"), out _);

        Key(keyer, Down(T, server: "s1"), out var copy1).ShouldBe(s1);
        Key(keyer, Down(T, server: "s2"), out var copy2).ShouldBe(s2);
        copy1.ShouldBeTrue();
        copy2.ShouldBeTrue();
    }

    [Fact]
    public void KeyOf_BackendLineAfterNewsOfOneOfItsServers_NewMessage()
    {
        var keyer = new EventKeyer();
        Key(keyer, NoServer(T), out _);
        Key(keyer, NoServer(T), out var copy).ShouldNotBeNull();
        copy.ShouldBeTrue();
        Key(keyer, Up(T.AddMilliseconds(300)), out _);
        Key(keyer, Down(T.AddMilliseconds(600)), out _);

        Key(keyer, NoServer(T.AddMilliseconds(600)), out var afterNews);

        afterNews.ShouldBeFalse();
    }

    [Fact]
    public void KeyOf_NoTimestamps_AdjacentCopiesOnly()
    {
        var keyer = new EventKeyer();
        Key(keyer, Down(null), out _);
        Key(keyer, Down(null), out var copy);
        Key(keyer, Down(T), out var stamped);

        copy.ShouldBeTrue();
        stamped.ShouldBeFalse();
    }

    [Fact]
    public void Serialize_ThenParse_RecognisesTheCopyAndKeepsOrdinals()
    {
        var keyer = new EventKeyer();
        var first = Key(keyer, Down(T), out _);
        Key(keyer, Up(T.AddMilliseconds(10)), out _);
        var state = keyer.Serialize();

        var resumed = EventKeyer.Parse(state);

        Key(resumed, Up(T.AddMilliseconds(10)), out var copy);
        copy.ShouldBeTrue();
        Key(resumed, Down(T.AddMilliseconds(20)), out var isCopy).ShouldBe(first + "#2");
        isCopy.ShouldBeFalse();
    }

    [Fact]
    public void Parse_StateOfTheBuildBeforeCopies_ReadsItsOrdinals()
    {
        var old = new OrdinalTracker();
        var baseKey = EventKey.Base("lb1", Down(T));
        old.Next(baseKey, T);

        var keyer = EventKeyer.Parse(old.Serialize());

        Key(keyer, Down(T.AddSeconds(0.2)), out var isCopy).ShouldBe(baseKey + "#2"); // no copy state: a new message
        isCopy.ShouldBeFalse();
    }

    [Fact]
    public void OrdinalTrackerParse_StateWithCopyLines_SkipsThem()
    {
        var keyer = new EventKeyer();
        Key(keyer, Down(T), out _);

        var tracker = OrdinalTracker.Parse(keyer.Serialize());

        tracker.Next(EventKey.Base("lb1", Down(T)), T).ShouldBe(2);
    }
}
