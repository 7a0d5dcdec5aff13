using Alerter.Delivery.Context;
using Alerter.Delivery.Templates;
using SkiaSharp;

namespace Alerter.Tests.Delivery.Context;

public class TrafficChartTests
{
    [Fact]
    public void Render_SampleContext_PngOfTheDeclaredSize()
    {
        var png = TrafficChart.Render(SampleContext.Build(), SampleContext.Request());
        PngHeader.Size(png).ShouldBe((TrafficChart.Width, TrafficChart.Height));
    }

    [Fact]
    public void Render_SampleContext_DrawsTheServerLineAndTheTransitionMarker()
    {
        using var bitmap = SKBitmap.Decode(TrafficChart.Render(SampleContext.Build(), SampleContext.Request()));
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 1)
        {
            for (var x = 0; x < bitmap.Width; x += 1)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }
        colours.ShouldContain((uint)SKColor.Parse("#1f77b4")); // server line
        colours.ShouldContain((uint)SKColor.Parse("#d62728")); // transition marker
    }

    [Fact]
    public void Render_BackendEventWithEmptySeries_StillAPng()
    {
        var empty = new SeriesContext([], new Dictionary<string, double?>());
        var png = TrafficChart.Render(new AlertContext(null, empty, [], null), SampleContext.Request(server: null));
        PngHeader.Size(png).ShouldBe((TrafficChart.Width, TrafficChart.Height));
    }
}
