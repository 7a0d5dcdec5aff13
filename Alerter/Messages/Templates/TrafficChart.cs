using Alerter.Messages.Context;
using ScottPlot;
using SkiaSharp;

namespace Alerter.Messages.Templates;

/// <summary>
/// The alert email's chart, pure (values in, PNG bytes out): one panel per <see cref="ContextFields.Shown"/> field,
/// the server's line over its backend's, x in minutes relative to the transition, which a red line marks at 0.
/// A null value breaks the line (a gap stays a gap, as the store keeps it).
/// </summary>
public static class TrafficChart
{
    public const int Width = 720;
    public const int Height = 480;

    private static readonly Color ServerColor = Color.FromHex("#1f77b4");
    private static readonly Color BackendColor = Color.FromHex("#8c8c8c");
    private static readonly Color TransitionColor = Color.FromHex("#d62728");

    public static byte[] Render(AlertContext context, AlertContextRequest request)
    {
        var panels = ContextFields.Shown.Select((f, i) => Panel(context, request, f.Field, f.Label, legend: i == 0)).ToList();
        try
        {
            // Multiplot gives each panel its own rectangle; Plot.Render on a shared canvas would clear the whole canvas.
            var multiplot = new Multiplot(panels[0]) { Layout = new ScottPlot.MultiplotLayouts.Grid(rows: 2, columns: 2) };
            foreach (var panel in panels.Skip(1))
            {
                multiplot.Subplots.Add(panel);
            }
            var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var surface = SKSurface.Create(info);
            surface.Canvas.Clear(SKColors.White);
            multiplot.Render(surface.Canvas, new PixelRect(0, Width, Height, 0));
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            return png.ToArray();
        }
        finally
        {
            foreach (var panel in panels)
            {
                panel.Dispose();
            }
        }
    }

    private static Plot Panel(AlertContext context, AlertContextRequest request, string field, string label, bool legend)
    {
        var plot = new Plot();
        plot.Title(label, size: 13);
        plot.Axes.Bottom.Label.Text = "minutes from the transition";
        plot.Axes.Bottom.Label.FontSize = 11;
        AddSeries(plot, context.Backend.Field(field), request.At, BackendColor, legend ? "backend" : null);
        if (context.Server is { } server)
        {
            AddSeries(plot, server.Field(field), request.At, ServerColor, legend ? "server" : null);
        }
        var marker = plot.Add.VerticalLine(0, width: 2, color: TransitionColor);
        marker.LinePattern = LinePattern.Dashed;
        plot.Axes.SetLimitsX(-request.Window.TotalMinutes, 1);
        plot.Axes.AutoScaleY();
        // Counts and rates start at 0 so a drop reads as a drop; a flat or empty series still gets a visible range.
        var limits = plot.Axes.GetLimits();
        var top = double.IsFinite(limits.Top) ? limits.Top : 0;
        plot.Axes.SetLimitsY(Math.Min(0, double.IsFinite(limits.Bottom) ? limits.Bottom : 0), top > 0 ? top * 1.1 : 1);
        if (legend)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }
        return plot;
    }

    /// <summary>One scatter per run of non-null values, so the line breaks at each gap.</summary>
    private static void AddSeries(Plot plot, FieldSeries? series, DateTimeOffset at, Color color, string? legendText)
    {
        if (series is null)
        {
            return;
        }
        var xs = new List<double>();
        var ys = new List<double>();
        void Flush()
        {
            if (xs.Count == 0)
            {
                return;
            }
            var scatter = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), color);
            scatter.LineWidth = 2;
            scatter.MarkerSize = xs.Count == 1 ? 4 : 0;
            if (legendText is not null)
            {
                scatter.LegendText = legendText;
                legendText = null;
            }
            xs.Clear();
            ys.Clear();
        }
        var count = Math.Min(series.Times.Count, series.Values.Count);
        for (var i = 0; i < count; i++)
        {
            if (series.Values[i] is { } value && double.IsFinite(value))
            {
                xs.Add((series.Times[i] - at).TotalMinutes);
                ys.Add(value);
            }
            else
            {
                Flush();
            }
        }
        Flush();
    }
}
