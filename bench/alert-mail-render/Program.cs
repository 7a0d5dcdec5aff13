using Alerter.Messages.Context;
using Alerter.Messages.Email;
using Alerter.Policy;
using Alerter.Sending.Email;
using Alerter.Sending.Outbox;
using System.Diagnostics;
using System.Globalization;
using AlertMail.Render.Benchmarks;
using MimeKit;

// Render time of one alert email with traffic context: chart (ScottPlot PNG) + HTML + text + the MIME message
// written out as the SMTP client would send it. No I/O besides the optional sample files.
// usage: AlertMail.Render.Benchmarks [renders=200] [--sample DIR]
var renders = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 200;
var sampleDirectory = args.SkipWhile(a => a != "--sample").Skip(1).FirstOrDefault();
var at = new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero);
var request = new AlertContextRequest("lb1", "app", "web1", at, AlertContextRequest.DefaultWindow);
var context = SampleTraffic.Build(request);
var row = new OutboxMessage(1, "k", AlertChannel.Email, "noc@example.net", AlertSeverity.Warning,
    "[WARNING] app/web1 is DOWN (Layer4 connection problem) on lb1",
    "app/web1 is DOWN (Layer4 connection problem)\n\nSeverity: WARNING\nHost:     lb1\nBackend:  app\nServer:   web1\n\n-- \nHAProxy Alerter\n",
    "bench", 0, false, at, "lb1", "app", "web1", at,
    "<div class=\"summary\" style=\"border-left:6px solid #d35400\"><h2>app/web1 is DOWN (Layer4 connection problem)</h2></div>");

byte[] RenderOnce()
{
    var png = Alerter.Messages.Templates.TrafficChart.Render(context, request);
    var content = AlertMailComposer.Compose(row, request, new ContextOutcome(context, png, null), "http://noc.example.net:8080");
    var message = AlertMailFactory.Create("alerter@example.net", "HAProxy Alerter", row.Recipient, content, "bench");
    using var stream = new MemoryStream();
    message.WriteTo(FormatOptions.Default, stream);
    return stream.ToArray();
}

double[] Measure(Action render)
{
    var samples = new double[renders];
    for (var i = 0; i < renders; i++)
    {
        var watch = Stopwatch.StartNew();
        render();
        samples[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(samples);
    return samples;
}

double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

var first = Stopwatch.StartNew();
var sample = RenderOnce(); // the first render loads Skia and the fonts (the Alerter warms up at start)
var firstMs = first.Elapsed.TotalMilliseconds;
var whole = Measure(() => RenderOnce());
var chartPng = Alerter.Messages.Templates.TrafficChart.Render(context, request);
var chart = Measure(() => Alerter.Messages.Templates.TrafficChart.Render(context, request));
var rest = Measure(() =>
{
    var content = AlertMailComposer.Compose(row, request, new ContextOutcome(context, chartPng, null), "http://noc.example.net:8080");
    var message = AlertMailFactory.Create("alerter@example.net", "HAProxy Alerter", row.Recipient, content, "bench");
    using var stream = new MemoryStream();
    message.WriteTo(FormatOptions.Default, stream);
});
string Line(string name, double[] t) => string.Create(CultureInfo.InvariantCulture, $"{name,-28} p50={Percentile(t, 0.50),6:0.0} ms  p99={Percentile(t, 0.99),6:0.0} ms  max={t[^1],6:0.0} ms");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"renders={renders} each; first render of the process {firstMs:0} ms; email {sample.Length} bytes, chart {chartPng.Length} bytes"));
Console.WriteLine(Line("whole email (chart+HTML+MIME)", whole));
Console.WriteLine(Line("chart PNG only", chart));
Console.WriteLine(Line("HTML+text+MIME only", rest));
if (sampleDirectory is not null)
{
    Directory.CreateDirectory(sampleDirectory);
    File.WriteAllBytes(Path.Combine(sampleDirectory, "alert.eml"), sample);
    File.WriteAllBytes(Path.Combine(sampleDirectory, "traffic.png"), Alerter.Messages.Templates.TrafficChart.Render(context, request));
}
return 0;
