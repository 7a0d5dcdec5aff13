using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Web.Api;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Storage.Reading;

namespace Dashboard.Web.Live;

/// <summary>
/// One poller for every open page: while at least one stream is open it reads the catalogue and the newest events
/// once per <see cref="WebOptions.LivePollInterval"/>, and pushes only what changed, serialized once for all clients.
/// A client too slow to keep up is dropped; its EventSource reconnects and the page reloads its overview.
/// </summary>
public sealed partial class LiveFeed(OverviewReader overview, IStorageReader reader, IOptions<WebOptions> options, TimeProvider time, ILogger<LiveFeed> logger)
    : BackgroundService
{
    private const int ClientQueue = 512;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan EventLookBack = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<long, Channel<SseItem<string>>> _clients = new();
    private readonly Lock _gate = new();
    private readonly LiveRowIds _ids = new();
    private Dictionary<string, OverviewRow> _rows = new(StringComparer.Ordinal);
    private IReadOnlyList<HostState> _hosts = [];
    private long _readAt;
    private long? _lastEventId;
    private long _nextClient;

    public int Clients => _clients.Count;

    /// <summary>The stream of one page: first the rows newer than <paramref name="sinceUnixMs"/> (what changed between its overview read and now), then every change.</summary>
    public async IAsyncEnumerable<SseItem<string>> SubscribeAsync(long? sinceUnixMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(ClientQueue) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var id = Interlocked.Increment(ref _nextClient);
        SseItem<string> first;
        lock (_gate)
        {
            _clients[id] = channel;
            var newer = sinceUnixMs is { } since ? _rows.Values.Where(r => r.TimeUnixMs > since) : [];
            first = Item("rows", LiveRows.First(_readAt, _hosts, _rows.Values, newer, _ids));
        }
        try
        {
            yield return first;
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LivePollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (_clients.IsEmpty)
            {
                continue;
            }
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A locked or half-written store must not end the stream for every page: try again next tick.
                LogPollFailed(logger, ex);
            }
        }
    }

    /// <summary>One poll: read, diff against the previous poll, push. Public so tests can drive it without a timer.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var read = await overview.ReadAsync(null, sparklines: false, cancellationToken);
        var current = new Dictionary<string, OverviewRow>(read.Rows.Count, StringComparer.Ordinal);
        foreach (var row in read.Rows)
        {
            current[RowKey.Of(row)] = row;
        }
        var now = time.GetUtcNow();
        var events = await reader.GetEventsAsync(new EventQuery(now - EventLookBack, now + TimeSpan.FromMinutes(1), Limit: 200), cancellationToken);
        var messages = new List<SseItem<string>>();
        lock (_gate)
        {
            var (changed, removed) = CatalogueDiff.Between(_rows, current);
            _rows = current;
            _hosts = read.Hosts;
            _readAt = read.ReadAtUnixMs;
            messages.Add(changed.Count > 0 || removed.Count > 0
                ? Item("rows", LiveRows.Changes(read.ReadAtUnixMs, read.Hosts, changed, removed, _ids))
                : Item("tick", new LiveTick(read.ReadAtUnixMs, read.Hosts)));
            var newest = events.Events.Count > 0 ? events.Events.Max(e => e.Id) : (long?)null;
            if (_lastEventId is { } last)
            {
                var fresh = events.Events.Where(e => e.Id > last).ToList();
                if (fresh.Count > 0)
                {
                    messages.Add(Item("events", new LiveEvents(fresh)));
                }
            }
            if (newest is not null && (_lastEventId is null || newest > _lastEventId))
            {
                _lastEventId = newest;
            }
            _lastEventId ??= 0;
        }
        foreach (var (id, channel) in _clients)
        {
            foreach (var message in messages)
            {
                if (!channel.Writer.TryWrite(message))
                {
                    channel.Writer.TryComplete();
                    _clients.TryRemove(id, out _);
                    break;
                }
            }
        }
    }

    private static SseItem<string> Item<T>(string type, T value) => new(JsonSerializer.Serialize(value, Json), type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live poll of the store failed; retrying next interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
