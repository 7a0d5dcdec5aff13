using HAProxy.Logs;

namespace HAProxy.Tests.Logs;

/// <summary>Fixture files and a context matching when they were captured (21 Nov 2026, UTC).</summary>
internal static class LogFixtures
{
    public static readonly LogParseContext Context = new(new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero), TimeSpan.Zero);

    /// <summary>The request line of the reference table (<c>option httplog</c>).</summary>
    public const string RequestLine =
        "<134>Nov 21 21:40:24 haproxy[6085]: 127.0.0.1:58252 [21/Nov/2026:21:40:24.955] fe be/srv1 0/0/0/1/1 200 188 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Logs", name);

    public static string[] Lines(string name) => File.ReadAllLines(PathOf(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static LogEvent Parse(string line, LogParseContext? context = null)
    {
        var outcome = LogLineParser.TryParse(line, context ?? Context, out var logEvent);
        outcome.ShouldBe(LogLineOutcome.Event, line);
        return logEvent.ShouldNotBeNull();
    }

    public static DateTimeOffset At(int month, int day, int hour, int minute, int second, int year = 2026) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
