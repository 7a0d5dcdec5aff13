using System.Net;
using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace Dashboard.Web.Live;

/// <summary>
/// One open event stream: its queue, its client's address (for the per-client cap), how to cut its connection, and
/// since when it has been too far behind (its queue was full and it was closed for new messages).
/// </summary>
public sealed class LiveSubscriber(long id, IPAddress client, Channel<SseItem<string>> queue, Action abort)
{
    public long Id => id;

    public IPAddress Client => client;

    public Channel<SseItem<string>> Queue => queue;

    /// <summary>Set when the queue was found full: no more messages; the reader drains what is queued and ends, or is cut off.</summary>
    public DateTimeOffset? BehindSince { get; set; }

    /// <summary>Closes the connection (HttpContext.Abort): the only way to free a writer blocked on a client that does not read.</summary>
    public void Abort() => abort();
}
