using System.Net;
using Dashboard.Web.Security;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Security;

/// <summary>Pure: one failure line per client and minute, the next one counting what was not logged.</summary>
public sealed class FailureWindowsTests
{
    [Fact]
    public void Record_LogsFirstFailureOfEachMinutePerClient_AndCountsTheRest()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var windows = new FailureWindows();
        var a = IPAddress.Parse("192.0.2.1");
        var b = IPAddress.Parse("192.0.2.2");
        windows.Record(a, clock.GetUtcNow(), out var since).ShouldBeTrue();
        since.ShouldBe(0);
        for (var i = 0; i < 50; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            windows.Record(a, clock.GetUtcNow(), out _).ShouldBeFalse();
        }
        windows.Record(b, clock.GetUtcNow(), out _).ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(10));
        windows.Record(a, clock.GetUtcNow(), out since).ShouldBeTrue();
        since.ShouldBe(50);
    }
}
