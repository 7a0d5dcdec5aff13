using Alerter.Messages.Context;
using Alerter.Messages.Templates;
using Alerter.Tests.Messages.Context;
using SkiaSharp;

namespace Alerter.Tests.Messages.Templates;

public class TrafficChartTests
{
    [Fact]
    public void Render_SampleContext_PngOfTheDeclaredSize()
    {
        var png = TrafficChart.Render(SampleContext.Build(), SampleContext.Request());
        PngHeader.Size(png).ShouldBe((TrafficChart.Width, TrafficChart.Height));
    }

    [Fact]
    public void Render_SampleContext_EveryPanelHasTheServerLineAndTheTransitionMarker()
    {
        using var bitmap = SKBitmap.Decode(TrafficChart.Render(SampleContext.Build(), SampleContext.Request()));
        var server = SKColor.Parse("#1f77b4");
        var marker = SKColor.Parse("#d62728");
        // One panel per field in a 2 x 2 grid: each quadrant must show both colours (a later panel must not paint over an earlier one).
        for (var quadrant = 0; quadrant < 4; quadrant++)
        {
            int left = quadrant % 2 * bitmap.Width / 2, top = quadrant / 2 * bitmap.Height / 2;
            var colours = new HashSet<SKColor>();
            for (var y = top; y < top + bitmap.Height / 2; y++)
            {
                for (var x = left; x < left + bitmap.Width / 2; x++)
                {
                    colours.Add(bitmap.GetPixel(x, y));
                }
            }
            colours.ShouldContain(server, $"quadrant {quadrant}");
            colours.ShouldContain(marker, $"quadrant {quadrant}");
        }
    }

    [Fact]
    public void Render_BackendEventWithEmptySeries_StillAPng()
    {
        var empty = new SeriesContext([], new Dictionary<string, double?>());
        var png = TrafficChart.Render(new AlertContext(null, empty, [], null), SampleContext.Request(server: null));
        PngHeader.Size(png).ShouldBe((TrafficChart.Width, TrafficChart.Height));
    }
}
