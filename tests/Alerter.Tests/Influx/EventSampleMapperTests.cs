using Alerter.Influx;

namespace Alerter.Tests.Influx;

public class EventSampleMapperTests
{
    private static ExportedEvent Down(long id, long timeMs = 1_795_000_000_000) =>
        new(id, "lb1", "app", "web1", "ServerDown", "warning", timeMs, "Server app/web1 is DOWN, reason: Layer4 connection problem",
            "Layer4 connection problem", 1, 0);

    [Fact]
    public void ToSample_ServerDown_SchemaTagsAndFields()
    {
        var sample = EventSampleMapper.ToSample(Down(7));

        sample.Measurement.ShouldBe("haproxy_event");
        sample.Tags.ShouldBe([new("host", "lb1"), new("proxy", "app"), new("server", "web1"), new("kind", "ServerDown"), new("severity", "warning")]);
        sample.GetField("message")!.Value.ToString().ShouldContain("is DOWN");
        sample.GetField("reason")!.Value.ToString().ShouldBe("Layer4 connection problem");
        sample.GetField("active_left").ShouldBe(Storage.Samples.FieldValue.Of(1L));
        sample.GetField("backup_left").ShouldBe(Storage.Samples.FieldValue.Of(0L));
    }

    [Fact]
    public void ToSample_BackendEventNotDispatchedWithSeverity_NoServerOrSeverityTagNoEmptyFields()
    {
        var sample = EventSampleMapper.ToSample(new ExportedEvent(3, "lb1", "app", null, "BackendNoServerAvailable", null, 1_795_000_000_000,
            "backend app has no server available!", null, null, null));

        sample.Tags.Select(t => t.Key).ShouldBe(["host", "proxy", "kind"]);
        sample.Fields.Select(f => f.Key).ShouldBe(["message"]);
    }

    [Fact]
    public void PointTime_TwoEventsInOneMillisecond_DistinctAndStableAcrossExports()
    {
        var first = EventSampleMapper.ToSample(Down(41)).Timestamp;
        var second = EventSampleMapper.ToSample(Down(42)).Timestamp;

        first.ShouldNotBe(second);
        EventSampleMapper.ToSample(Down(41)).Timestamp.ShouldBe(first, "a repeated export overwrites the same point");
        first.ToUnixTimeMilliseconds().ShouldBe(1_795_000_000_000, "the offset stays below a millisecond");
        (first - DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_000)).ShouldBe(TimeSpan.FromMicroseconds(41));
    }
}
