using Alerter.Messages.Context;
using Alerter.Messages.Email;
using Alerter.Tests.Messages.Context;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using TestSupport;

namespace Alerter.Tests.Messages.Email;

public class AlertContextLoaderTests
{
    // A clock that never moves: the bound cannot fire, so a test about a source's own answer does not depend on how
    // fast a loaded machine schedules Task.Run (with the real clock it lost to the 200 ms bound under a CPU hog).
    private static FakeTimeProvider Frozen() => new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private static AlertContextLoader Loader(IAlertContextSource? source, TimeProvider time, TimeSpan? bound = null)
        => new(source is null ? [] : [source], Options.Create(new AlertEmailOptions { ContextTimeout = bound ?? TimeSpan.FromMilliseconds(200) }), time);

    private sealed class Source(Func<AlertContextRequest, CancellationToken, Task<AlertContext?>> get) : IAlertContextSource
    {
        public int Calls { get; private set; }

        public Task<AlertContext?> GetAsync(AlertContextRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            return get(request, cancellationToken);
        }
    }

    [Fact]
    public async Task LoadAsync_NoSourceRegistered_UnavailableSaysNoStore()
    {
        var outcome = await Loader(null, Frozen()).LoadAsync(SampleContext.Request(), CancellationToken.None);
        outcome.Available.ShouldBeFalse();
        outcome.UnavailableReason.ShouldBe("no traffic store is connected to the Alerter");
    }

    [Fact]
    public async Task LoadAsync_SourceAnswers_ContextAndPngChart()
    {
        var context = SampleContext.Build();
        var outcome = await Loader(new Source((_, _) => Task.FromResult<AlertContext?>(context)), Frozen(), TimeSpan.FromSeconds(5))
            .LoadAsync(SampleContext.Request(), CancellationToken.None);
        outcome.Available.ShouldBeTrue(outcome.UnavailableReason);
        outcome.Context.ShouldBeSameAs(context);
        outcome.ChartPng.ShouldNotBeNull()[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
    }

    [Fact]
    public async Task LoadAsync_SourceIgnoresItsTokenAndNeverAnswers_UnavailableAtTheBound()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var never = new TaskCompletionSource<AlertContext?>();
        var load = Loader(new Source((_, _) => never.Task), clock).LoadAsync(SampleContext.Request(), CancellationToken.None);
        load.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(199));
        load.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var outcome = await load.WaitAsync(TimeSpan.FromSeconds(10));
        outcome.UnavailableReason.ShouldBe("not ready within 200 ms (the store or the chart was slower)");
        never.Task.IsCompleted.ShouldBeFalse(); // the email did not wait for it
    }

    [Fact]
    public async Task LoadAsync_SourceHonoursItsToken_CancelledAtTheBound()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new Source(async (_, token) =>
        {
            token.Register(() => cancelled.TrySetResult(true));
            await Task.Delay(Timeout.Infinite, token);
            return null;
        });
        var load = Loader(source, clock).LoadAsync(SampleContext.Request(), CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        (await load.WaitAsync(TimeSpan.FromSeconds(10))).Available.ShouldBeFalse();
        (await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }

    [Fact]
    public async Task LoadAsync_SourceThrows_UnavailableNamesTheFailure()
    {
        var outcome = await Loader(new Source((_, _) => throw new InvalidOperationException("database is locked")), Frozen())
            .LoadAsync(SampleContext.Request(), CancellationToken.None);
        outcome.UnavailableReason.ShouldBe("the store failed (InvalidOperationException)");
    }

    [Fact]
    public async Task LoadAsync_StoreHasNothing_UnavailableSaysNoSamples()
    {
        var outcome = await Loader(new Source((_, _) => Task.FromResult<AlertContext?>(null)), Frozen())
            .LoadAsync(SampleContext.Request(), CancellationToken.None);
        outcome.UnavailableReason.ShouldBe("the store has no samples of this backend in the last 30 min");
    }

    [Fact]
    public async Task LoadAsync_BoundZero_SourceNeverAsked()
    {
        var source = new Source((_, _) => Task.FromResult<AlertContext?>(SampleContext.Build()));
        var outcome = await Loader(source, Frozen(), TimeSpan.Zero).LoadAsync(SampleContext.Request(), CancellationToken.None);
        outcome.Available.ShouldBeFalse();
        source.Calls.ShouldBe(0);
    }
}
