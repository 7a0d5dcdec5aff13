using System.Net;
using System.Net.Sockets;
using Alerter.Sending.Email;
using Alerter.Sending;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerter.Tests.Sending.Email;

public class SmtpEmailSenderTests
{
    [Fact]
    public async Task CheckAsync_ServerNeverGreets_GivesUpWhenTheInjectedClockPassesTheTimeout()
    {
        // Regression: the session's deadline ran on the system clock (CancelAfter), so a test clock could not end it
        // and the deadline was the one of the suite's not taken from the TimeProvider.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptSocketAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T12:00:00Z"));
        var smtp = new SmtpOptions
        {
            Host = "127.0.0.1", Port = ((IPEndPoint)silent.LocalEndpoint).Port, Security = SmtpSecurity.None,
            From = "alerter@example.com", Timeout = TimeSpan.FromMinutes(10),
        };
        var sender = new SmtpEmailSender(Options.Create(smtp), composer: null!, time); // CheckAsync composes nothing

        var check = sender.CheckAsync(CancellationToken.None);
        using var connection = await accepted.WaitAsync(TimeSpan.FromSeconds(30));
        check.IsCompleted.ShouldBeFalse("the server has not greeted yet");
        time.Advance(TimeSpan.FromMinutes(10));
        var result = await check.WaitAsync(TimeSpan.FromSeconds(30));

        result.Outcome.ShouldBe(SendOutcome.Transient);
        result.Problem.ShouldBe(DeliveryProblem.Timeout);
    }
}
