using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Web.Api;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Storage.Reading;

namespace Dashboard.Web.Live;

/// <summary>
/// One poller for every open page: while at least one stream is open it reads the catalogue and the newest events
/// once per <see cref="WebOptions.LivePollInterval"/>, and pushes only what changed, serialized once for all clients.
/// A client too slow to keep up (its queue full) gets no more messages and ends once it has read what is queued; its
/// EventSource reconnects and the page reloads its overview. One that does not read at all is disconnected after
/// <see cref="StreamOptions.StuckAfter"/>, since its response writer is blocked on the socket and would hold the
/// connection, the queue and the kernel's buffers forever. Streams are capped in all and per client.
/// </summary>
public sealed partial class LiveFeed(OverviewReader overview, IStorageReader reader, IOptions<WebOptions> options, ClientIdentity identity,
    TimeProvider time, ILogger<LiveFeed> logger)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan EventLookBack = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<long, LiveSubscriber> _clients = new();
    private readonly StreamOptions _limits = options.Value.Stream;
    private readonly Lock _gate = new();
    private readonly LiveRowIds _ids = new();
    private Dictionary<string, OverviewRow> _rows = new(StringComparer.Ordinal);
    private IReadOnlyList<HostState> _hosts = [];
    private long _readAt;
    private long? _lastEventId;
    private long _nextClient;

    public int Clients => _clients.Count;

    /// <summary>
    /// Opens the stream of one page, or says why not (the caps: answered 503). The stream is first the rows newer
    /// than <paramref name="sinceUnixMs"/> (what changed between its overview read and now), then every change.
    /// </summary>
    public (IAsyncEnumerable<SseItem<string>>? Stream, string? Refusal) Open(HttpContext context, long? sinceUnixMs, CancellationToken cancellationToken)
    {
        var client = identity.Of(context).Address;
        var channel = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(_limits.ClientQueue) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        LiveSubscriber subscriber;
        SseItem<string> first;
        lock (_gate)
        {
            if (_clients.Count >= _limits.MaxStreams)
            {
                return (null, $"This dashboard already serves {_limits.MaxStreams} event streams (Dashboard:Stream:MaxStreams); try again later.");
            }
            if (_clients.Values.Count(c => c.Client.Equals(client)) >= _limits.MaxStreamsPerClient)
            {
                return (null, $"This address already has {_limits.MaxStreamsPerClient} event streams open (Dashboard:Stream:MaxStreamsPerClient); close a tab or try again later.");
            }
            subscriber = new LiveSubscriber(Interlocked.Increment(ref _nextClient), client, channel, context.Abort);
            _clients[subscriber.Id] = subscriber;
            var newer = sinceUnixMs is { } since ? _rows.Values.Where(r => r.TimeUnixMs > since) : [];
            first = Item("rows", LiveRows.First(_readAt, _hosts, _rows.Values, newer, _ids));
        }
        // Whatever ends the response (a normal end, an abort, a failed first write), the slot is freed.
        context.Response.OnCompleted(() =>
        {
            _clients.TryRemove(subscriber.Id, out _);
            return Task.CompletedTask;
        });
        return (ReadAsync(subscriber, first, cancellationToken), null);
    }

    private async IAsyncEnumerable<SseItem<string>> ReadAsync(LiveSubscriber subscriber, SseItem<string> first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            yield return first;
            await foreach (var item in subscriber.Queue.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            _clients.TryRemove(subscriber.Id, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LivePollInterval, time);
        string? unreadable = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (_clients.IsEmpty)
                {
                    continue;
                }
                try
                {
                    await PollAsync(stoppingToken);
                    if (unreadable is not null)
                    {
                        LogStoreReadable(logger);
                        unreadable = null;
                    }
                }
                catch (StoreUnreadableException ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A truncated or damaged store fails every poll until it is replaced: say so once (and again when
                    // the reason changes), not once a second with a stack trace.
                    if (ex.Message != unreadable)
                    {
                        LogStoreUnreadable(logger, ex.Message);
                        unreadable = ex.Message;
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A locked or half-written store must not end the stream for every page: try again next tick.
                    LogPollFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, or disposed after a failed start (an address in use): not a crash.
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
        foreach (var (id, subscriber) in _clients)
        {
            if (subscriber.BehindSince is { } behind)
            {
                // Only the poll that removes it aborts it (a test's poll may run beside the timer's).
                if (now - behind >= _limits.StuckAfter && _clients.TryRemove(id, out _))
                {
                    subscriber.Abort();
                    LogStuck(logger, subscriber.Client.ToString(), (int)(now - behind).TotalSeconds);
                }
                continue;
            }
            foreach (var message in messages)
            {
                if (!subscriber.Queue.Writer.TryWrite(message))
                {
                    // A message it would miss makes the page's table wrong: send nothing more; it reads what is
                    // queued, its stream ends and it reconnects, or it is cut off after StuckAfter.
                    subscriber.Queue.Writer.TryComplete();
                    subscriber.BehindSince = now;
                    break;
                }
            }
        }
    }

    private static SseItem<string> Item<T>(string type, T value) => new(JsonSerializer.Serialize(value, Json), type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event stream of {Client} disconnected: its queue stayed full for {Seconds} s (a client that does not read)")]
    private static partial void LogStuck(ILogger logger, string client, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live poll: {Reason}; the stream waits until the store can be read again")]
    private static partial void LogStoreUnreadable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live poll: the store can be read again")]
    private static partial void LogStoreReadable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live poll of the store failed; retrying next interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
