using Storage.Samples;

namespace Storage.Tests.Integration.Influx;

/// <summary>Deterministic points: point <c>i</c> always has the same series, value and timestamp.</summary>
public static class TestPoints
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Point <paramref name="i"/> of <paramref name="servers"/> series: server <c>i % servers</c>, time Start + i / servers seconds.</summary>
    public static Sample Server(int i, int servers = 10) => new(
        "haproxy_server",
        [KeyValuePair.Create("host", "lb1"), KeyValuePair.Create("proxy", "web"), KeyValuePair.Create("server", $"s{i % servers}")],
        [KeyValuePair.Create("seq", FieldValue.Of((long)i)), KeyValuePair.Create("session_rate", FieldValue.Of(i * 0.5)), KeyValuePair.Create("status", FieldValue.Of("UP"))],
        Start.AddSeconds(i / servers));

    public static IReadOnlyList<Sample> Cycle(int cycle, int servers = 10) =>
        Enumerable.Range(cycle * servers, servers).Select(i => Server(i, servers)).ToList();
}
