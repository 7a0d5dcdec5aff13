using Alerter.Messages.Context;
using Alerter.Policy;

namespace Alerter.Messages.Templates;

/// <summary>Everything the HTML part is drawn from.</summary>
/// <param name="SummaryHtml">The "what happened" block, rendered and encoded at dispatch by <see cref="AlertHtmlSummary"/>.</param>
/// <param name="ChartContentId">The cid of the chart image; null when there is no chart.</param>
/// <param name="DashboardLink">Link to the web page's server view at that moment, or null.</param>
public sealed record AlertEmailPage(
    AlertSeverity Severity,
    string Subject,
    string SummaryHtml,
    AlertContextRequest Request,
    ContextOutcome Context,
    string? ChartContentId,
    string? DashboardLink);
