using Alerter.Messages.Context;
using System.Text;

namespace Alerter.Messages.Templates;

/// <summary>
/// The HTML part of an alert email, pure: the stored "what happened" block, the link to the web page, the chart
/// (<c>cid:</c>), the numbers at the moment of the alert, and the backend's servers now; or a line saying why the
/// traffic context is missing. Inline styles only (mail readers drop style sheets). Names from HAProxy are encoded.
/// </summary>
public static class AlertEmailHtml
{
    public const string UnavailablePrefix = "Traffic context unavailable: ";

    public static string Render(AlertEmailPage page)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(HtmlText.Encode(page.Subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">");
        html.Append(page.SummaryHtml);
        if (page.DashboardLink is { } link)
        {
            html.Append("<p><a class=\"dashboard\" href=\"").Append(HtmlText.Encode(link)).Append("\">Open the ").Append(DashboardLink.View(page.Request.Server)).Append(" view at this moment</a></p>");
        }
        if (page.Context is { Available: true, Context: { } context })
        {
            AppendContext(html, page, context);
        }
        else
        {
            html.Append("<p class=\"context-unavailable\" style=\"color:#6c757d\">").Append(HtmlText.Encode(UnavailablePrefix + page.Context.UnavailableReason)).Append("</p>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendContext(StringBuilder html, AlertEmailPage page, AlertContext context)
    {
        var request = page.Request;
        html.Append("<h3 style=\"margin:16px 0 4px\">Traffic, last ").Append(HtmlText.Encode(EventPhrases.Duration(request.Window)))
            .Append(" up to ").Append(HtmlText.Encode(EventPhrases.Time(request.At))).Append("</h3>");
        if (page.ChartContentId is { } cid)
        {
            html.Append("<img class=\"chart\" src=\"cid:").Append(HtmlText.Encode(cid)).Append("\" width=\"").Append(TrafficChart.Width)
                .Append("\" height=\"").Append(TrafficChart.Height).Append("\" alt=\"sessions, session rate, 5xx rate and response time; the dashed line marks the transition\">");
        }
        html.Append("<table class=\"numbers\" cellpadding=\"4\" style=\"border-collapse:collapse;margin-top:8px\"><tr><th align=\"left\">At the alert</th>");
        if (context.Server is not null)
        {
            html.Append("<th align=\"right\">server ").Append(HtmlText.Encode(request.Server)).Append("</th>");
        }
        html.Append("<th align=\"right\">backend ").Append(HtmlText.Encode(request.Proxy)).Append("</th></tr>");
        foreach (var (field, label) in ContextFields.Shown)
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(label)).Append("</td>");
            if (context.Server is { } server)
            {
                Cell(html, "server", field, server.ValueAtAlert(field));
            }
            Cell(html, "backend", field, context.Backend.ValueAtAlert(field));
            html.Append("</tr>");
        }
        html.Append("</table>");
        html.Append("<h3 style=\"margin:16px 0 4px\">Servers of ").Append(HtmlText.Encode(request.Proxy)).Append(" now");
        html.Append("</h3><table class=\"servers\" cellpadding=\"4\" style=\"border-collapse:collapse\">");
        foreach (var server in context.BackendServers)
        {
            var self = server.Server == request.Server;
            html.Append("<tr").Append(self ? " style=\"font-weight:bold\"" : "").Append("><td>").Append(HtmlText.Encode(server.Server))
                .Append("</td><td class=\"status\" style=\"color:").Append(HtmlText.StatusColour(server.Status)).Append("\">")
                .Append(HtmlText.Encode(server.Status)).Append("</td><td class=\"as-of\" style=\"color:#6c757d\">")
                .Append(HtmlText.Encode(ContextText.AsOf(server))).Append("</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Cell(StringBuilder html, string series, string field, double? value)
        => html.Append("<td align=\"right\" data-series=\"").Append(series).Append("\" data-field=\"").Append(field).Append("\">")
            .Append(HtmlText.Number(value)).Append("</td>");
}
