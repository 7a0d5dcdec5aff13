using Alerter.Messages.Context;
using Alerter.Messages.Email;
using Alerter.Messages.Templates;
using Alerter.Sending.Outbox;
using Microsoft.Extensions.Options;

namespace Alerter.Sending.Email;

/// <summary>
/// Turns an email outbox row into the message's parts at send time: the stored text and "what happened" block, plus
/// the traffic context that <see cref="AlertContextLoader"/> gets within its bound (or the reason it has none).
/// Context is fetched at send time, not at dispatch, so no store query ever runs inside the dispatch transaction.
/// </summary>
public sealed class AlertMailComposer(AlertContextLoader loader, IOptions<AlertEmailOptions> options)
{
    public const string ChartContentId = "traffic-chart@alerter";

    public async Task<MailContent> ComposeAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        if (row.HtmlSummary is null || row.EventTime is not { } at)
        {
            return new MailContent(row.Subject, row.Body); // a row queued before the HTML part existed
        }
        var request = new AlertContextRequest(row.Host, row.Proxy, row.Server, at, AlertContextRequest.DefaultWindow);
        var outcome = await loader.LoadAsync(request, cancellationToken);
        return Compose(row, request, outcome, options.Value.DashboardUrl);
    }

    /// <summary>The pure half: values in, parts out.</summary>
    public static MailContent Compose(OutboxMessage row, AlertContextRequest request, ContextOutcome outcome, string? dashboardUrl)
    {
        var link = DashboardLink.Build(dashboardUrl, request.Host, request.Proxy, request.Server, request.At);
        var text = ContextText.Insert(row.Body, ContextText.Render(request, outcome, link));
        var chart = outcome.Available ? outcome.ChartPng : null;
        var html = AlertEmailHtml.Render(new AlertEmailPage(row.Severity, row.Subject, row.HtmlSummary ?? "", request, outcome,
            chart is null ? null : ChartContentId, link));
        IReadOnlyList<InlineImage> images = chart is null ? [] : [new InlineImage(ChartContentId, "traffic.png", chart)];
        return new MailContent(row.Subject, text, html, images);
    }
}
