using Alerter.Messages.Context;
using Alerter.Messages.Email;
using Alerter.Messages.Templates;
using Alerter.Policy;
using Alerter.Sending;
using Alerter.Sending.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerter.Sending.Email;

/// <summary>
/// Takes the first alert email's path once when the host starts, so the first alert after a start is as fast as
/// the rest (measured by bench/alerter-latency: without it the first email of a process took 0.43-1.0 s from its
/// outbox row to SMTP acceptance, every later one ~0.09 s; loading Skia, the store reader, MimeKit and the TLS
/// stack, each once). In order:
/// <list type="number">
/// <item>draws a throw-away chart (Skia and its fonts: 200-350 ms here, longer than the context bound, so without
/// this the first alert would go out without its context);</item>
/// <item>asks the store for a context nobody has (opens the reader; answers "no samples");</item>
/// <item>composes and serialises a throw-away mail, written nowhere;</item>
/// <item>checks the SMTP server: connect, TLS, AUTH, QUIT, no message. A failure is logged with the same advice as
/// <c>alerter test-email</c>, so a wrong password or a closed port shows at start, not at the first outage.</item>
/// </list>
/// Nothing here can stop the host or an alert: each step's failure is logged and the next step runs.
/// </summary>
public sealed partial class AlertEmailWarmUp(
    AlertContextLoader loader,
    SmtpEmailSender sender,
    IOptions<SmtpOptions> smtpOptions,
    TimeProvider time,
    ILogger<AlertEmailWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => WarmAsync(stoppingToken), stoppingToken);

    private async Task WarmAsync(CancellationToken stoppingToken)
    {
        var request = new AlertContextRequest("warm-up", "warm-up", null, time.GetUtcNow(), AlertContextRequest.DefaultWindow);
        var context = Representative(request.At);
        byte[]? chart = null;
        try
        {
            chart = TrafficChart.Render(context, request);
            await loader.LoadAsync(request, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Only a warm-up: should drawing or the store fail, each email says so itself ("the store failed (...)").
        }
        var smtp = smtpOptions.Value;
        if (!smtp.Enabled)
        {
            return;
        }
        try
        {
            var row = new OutboxMessage(0, "warm-up", AlertChannel.Email, "warm-up@example.invalid", AlertSeverity.Warning, "warm-up", "warm-up",
                "warm-up", 0, false, request.At, request.Host, request.Proxy, null, request.At, "warm-up");
            var outcome = chart is null ? ContextOutcome.Unavailable("warm-up") : new ContextOutcome(context, chart, null);
            var content = AlertMailComposer.Compose(row, request, outcome, dashboardUrl: null);
            await AlertMailFactory.Create(smtp.From, smtp.FromName, row.Recipient, content, row.MessageId)
                .WriteToAsync(AlertMailFactory.WireFormat, Stream.Null, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // As above: a mail that cannot be composed fails at its own send, with its own error.
        }
        var result = await sender.CheckAsync(stoppingToken);
        if (result.Outcome == SendOutcome.Sent)
        {
            LogSmtpReady(smtp.Host, smtp.Port, smtp.Security, smtp.Authentication);
        }
        else
        {
            LogSmtpNotReady(smtp.Host, smtp.Port, SmtpAdvice.Explain(result, smtp, recipient: ""));
        }
    }

    /// <summary>A server and its backend with every shown field over the window, one gap, two servers: drawn and written like a real alert's.</summary>
    private static AlertContext Representative(DateTimeOffset at)
    {
        var times = Enumerable.Range(0, 30).Select(i => at.AddMinutes(i - 30)).ToList();
        SeriesContext Series(double scale)
        {
            var fields = ContextFields.Shown.Select(f => new FieldSeries(f.Field, times,
                times.Select((_, i) => i == 20 ? (double?)null : scale * (1 + i % 7)).ToList())).ToList();
            return new SeriesContext(fields, fields.ToDictionary(f => f.Field, f => f.Values[^1]));
        }
        return new AlertContext(Series(1), Series(2), [new BackendServerState("a", "UP"), new BackendServerState("b", "DOWN 1/2")], at);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP server {Host}:{Port} ready ({Security}, {Authentication}): connected at start")]
    private partial void LogSmtpReady(string host, int port, SmtpSecurity security, string authentication);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} failed its start-up check: {Verdict} Alerts wait in the outbox and are retried; `alerter test-email --verbose` shows the conversation")]
    private partial void LogSmtpNotReady(string host, int port, string verdict);
}
