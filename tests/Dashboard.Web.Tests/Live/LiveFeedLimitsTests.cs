using System.Net;
using Dashboard.Web.Live;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TestSupport;

namespace Dashboard.Web.Tests.Live;

/// <summary>The feed's stuck-reader rule on a fake clock: a full queue closes the stream for new messages, and StuckAfter later the connection is aborted.</summary>
public sealed class LiveFeedLimitsTests
{
    private sealed class AbortRecorder : IHttpRequestLifetimeFeature
    {
        public CancellationToken RequestAborted { get; set; }

        public int Aborts { get; private set; }

        public void Abort() => Aborts++;
    }

    [Fact]
    public async Task FullQueue_ClosesTheStream_ThenAbortsTheConnectionAfterStuckAfter()
    {
        using var directory = new TempDirectory("web-feed-limits");
        var store = new TestStore(directory.Path);
        store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(1));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // The test drives every poll itself: the feed's own loop runs on the same fake clock, and with its default 1 s
        // interval an Advance fired it too, so a second poll raced the test's (it removed the client and the test read
        // Aborts before that poll's Abort ran: 1 run in a full suite). An hour's interval never fires here.
        await using var factory = WebFactory.For(store, ("Dashboard:Stream:ClientQueue", "2"), ("Dashboard:Stream:StuckAfter", "00:00:10"),
            ("Dashboard:LivePollInterval", "01:00:00"));
        await using var configured = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var feed = configured.Services.GetRequiredService<LiveFeed>();
        var context = new DefaultHttpContext();
        var lifetime = new AbortRecorder();
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        var (stream, refusal) = feed.Open(context, null, CancellationToken.None);
        refusal.ShouldBeNull();
        stream.ShouldNotBeNull();

        // Never read: two polls fill the queue of 2, the third finds it full.
        for (var i = 0; i < 3; i++)
        {
            await feed.PollAsync(CancellationToken.None);
        }
        lifetime.Aborts.ShouldBe(0);
        feed.Clients.ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(9));
        await feed.PollAsync(CancellationToken.None);
        lifetime.Aborts.ShouldBe(0);
        clock.Advance(TimeSpan.FromSeconds(1));
        await feed.PollAsync(CancellationToken.None);
        lifetime.Aborts.ShouldBe(1);
        feed.Clients.ShouldBe(0);

        // What was queued before it fell behind is still readable, and then the stream ends.
        var items = new List<string>();
        await foreach (var item in stream!)
        {
            items.Add(item.EventType ?? "");
        }
        items.Count.ShouldBe(3); // the first 'rows', then the two queued polls
    }
}
