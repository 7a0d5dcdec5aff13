using Storage.Samples;

namespace InfluxSpoolChild;

/// <summary>Deterministic points (same as the tests' TestPoints): point i is server i % servers at Start + i / servers s.</summary>
public static class ChildPoints
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Sample> Cycle(int cycle, int servers) =>
        Enumerable.Range(cycle * servers, servers).Select(i => new Sample(
            "haproxy_server",
            [KeyValuePair.Create("host", "lb1"), KeyValuePair.Create("proxy", "web"), KeyValuePair.Create("server", $"s{i % servers}")],
            [KeyValuePair.Create("seq", FieldValue.Of((long)i)), KeyValuePair.Create("session_rate", FieldValue.Of(i * 0.5))],
            Start.AddSeconds(i / servers))).ToList();
}
