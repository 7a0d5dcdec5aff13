using System.Text.Json;
using Dashboard.Web.Live;
using Dashboard.Web.Tests.Support;
using HAProxy.Logs;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Dashboard.Web.Tests.Live;

/// <summary>/api/stream pushes what the writers store, without a reload; one shared poller serves every client.</summary>
public sealed class StreamTests
{
    /// <summary>A proxy row of a 'rows' message by column name (rows travel as arrays in the order of 'columns').</summary>
    private static string? Column(JsonElement message, JsonElement row, string name)
    {
        var index = message.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf(name);
        return row[index].ValueKind == JsonValueKind.String ? row[index].GetString() : row[index].ToString();
    }

    /// <summary>Row numbers to server names, from the 'keys' of every 'rows' message read so far (each introduced once).</summary>
    private sealed class Identities
    {
        private readonly Dictionary<long, string?> _servers = [];

        public void Learn(JsonElement rows)
        {
            foreach (var key in rows.GetProperty("keys").EnumerateArray())
            {
                _servers[key[0].GetInt64()] = key[4].ValueKind == JsonValueKind.String ? key[4].GetString() : null;
            }
        }

        public bool HasSrv1(JsonElement rows, string status)
        {
            Learn(rows);
            return rows.GetProperty("rows").EnumerateArray()
                .Any(r => _servers.GetValueOrDefault(r[0].GetInt64()) == "srv1" && Column(rows, r, "status") == status);
        }
    }

    [Fact]
    public async Task Stream_NewSampleAndEvent_ArePushedToEveryClient()
    {
        using var directory = new TempDirectory("web-sse");
        var store = new TestStore(directory.Path);
        var start = DateTimeOffset.UtcNow;
        store.WriteSamples(start, 3, TimeSpan.FromSeconds(1));
        store.WriteEvent(LogEventKind.ServerUp, "be", "srv1", start.AddSeconds(-30), "Server be/srv1 is UP");
        // Stream b is not read while a is awaited: on a loaded machine that can outlast the default queue of 64 polls
        // (12.8 s at 200 ms), after which b would rightly be cut off as a client that does not read.
        await using var factory = WebFactory.For(store, ("Dashboard:Stream:ClientQueue", "512"));
        using var client = factory.CreateClient();
        using var first = await client.GetStreamAsync("/api/stream?since=" + start.ToUnixTimeMilliseconds());
        using var second = await client.GetStreamAsync("/api/stream");
        var a = new SseReader(first);
        var b = new SseReader(second);
        var names = new Dictionary<SseReader, Identities> { [a] = new(), [b] = new() };
        foreach (var reader in new[] { a, b })
        {
            var (type, data) = await reader.NextAsync(CancellationToken.None); // the table, and the rows newer than `since`: none yet
            type.ShouldBe("rows");
            data.GetProperty("keysReset").GetBoolean().ShouldBeTrue();
            names[reader].Learn(data);
        }
        var feed = factory.Services.GetRequiredService<LiveFeed>();
        await Poll.UntilAsync(() => feed.Clients == 2, TimeSpan.FromSeconds(30), "two clients subscribed");
        // Wait until the poller has read the store once, so the DOWN sample below is a change, not the first read.
        await a.WaitForAsync("rows", d => names[a].HasSrv1(d, "UP"), TimeSpan.FromSeconds(30));

        using (var writer = new Storage.Sqlite.SqliteSampleWriter(store.CollectorDatabase))
        {
            writer.Write(TestStore.Poll(DateTimeOffset.UtcNow, 3, srv1Status: "DOWN"));
        }
        store.WriteEvent(LogEventKind.ServerDown, "be", "srv1", DateTimeOffset.UtcNow, "Server be/srv1 is DOWN, reason: Layer4 connection problem");

        foreach (var reader in new[] { a, b })
        {
            var rows = await reader.WaitForAsync("rows", d => names[reader].HasSrv1(d, "DOWN"), TimeSpan.FromSeconds(30));
            // Only the changed rows travel: all six series got a new sample, nothing else exists.
            (rows.GetProperty("rows").GetArrayLength() + rows.GetProperty("nodes").GetArrayLength()).ShouldBeLessThanOrEqualTo(6);
            rows.GetProperty("nodes").EnumerateArray().ShouldAllBe(n => n.GetProperty("kind").GetString() == "process" || n.GetProperty("kind").GetString() == "system");
            var events = await reader.WaitForAsync("events", _ => true, TimeSpan.FromSeconds(30));
            events.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString())
                .ShouldBe(["Server be/srv1 is DOWN, reason: Layer4 connection problem"]);
        }
    }
}
