using Alerter.Logs;
using Alerter.Messages.Context;
using Alerter.Messages.Templates;
using Alerter.Tests.Messages.Context;
using Alerter.Tests.Messages.Templates;
using Storage.Events;
using System.Text.RegularExpressions;
using HAProxy.Logs;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Alerter.Tests.Integration.Sending;

/// <summary>
/// Alert emails with traffic context through a real SMTP server (aiosmtpd, STARTTLS + AUTH), parsed back with
/// MimeKit. The context comes from a hand-built source (the store-backed one lives with the Storage reader).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class AlertEmailContextTests : IAsyncLifetime
{
    private const string Down = "Server app/web1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";

    private SmtpTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SmtpTestBed.StartAsync("ctx");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    /// <summary>Answers with <see cref="Context"/>, or waits for <see cref="Release"/> when slow; records what it was asked.</summary>
    private sealed class RecordingSource(AlertContext context, bool slow) : IAlertContextSource
    {
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public AlertContext Context { get; } = context;

        public List<AlertContextRequest> Requests { get; } = [];

        public async Task<AlertContext?> GetAsync(AlertContextRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }
            if (slow)
            {
                await Release.Task; // ignores its token on purpose: the email must not wait for it anyway
            }
            return Context;
        }
    }

    private DeliveryHarness Harness(RecordingSource source, string bound)
    {
        var settings = _bed.Settings();
        settings["Alerter:DashboardUrl"] = "http://noc.example.net:8080";
        settings["Alerter:ContextTimeout"] = bound;
        return new DeliveryHarness(_bed.Directory.Path, settings, services => services.AddSingleton<IAlertContextSource>(source));
    }

    [Fact]
    public async Task Deliver_ServerDownWithContext_MultipartAlternativeWithChartNumbersServersAndLink()
    {
        var source = new RecordingSource(SampleContext.Build(), slow: false);
        // A generous bound: this test is about the content; the bound has its own test below.
        using var harness = Harness(source, "00:00:05");
        var t = DateTimeOffset.UtcNow.AddSeconds(-5);
        harness.InsertLines(DeliveryHarness.Line(t, 129, Down));
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var mail = _bed.Smtp.Messages().ShouldHaveSingleItem();
        var request = source.Requests.ShouldHaveSingleItem();
        request.Host.ShouldBe(DeliveryHarness.Host);
        request.Proxy.ShouldBe("app");
        request.Server.ShouldBe("web1");
        request.At.ToUnixTimeMilliseconds().ShouldBe(t.ToUnixTimeMilliseconds());
        request.Window.ShouldBe(TimeSpan.FromMinutes(30));

        var alternative = mail.Mime.Body.ShouldBeOfType<MultipartAlternative>();
        var text = alternative[0].ShouldBeOfType<TextPart>();
        text.IsPlain.ShouldBeTrue();
        text.Text.ShouldContain("app/web1 is DOWN");
        text.Text.ShouldContain("Sessions/s: 12.25 | 97.5");
        var related = alternative[1].ShouldBeOfType<MultipartRelated>();
        var html = related[0].ShouldBeOfType<TextPart>();
        html.IsHtml.ShouldBeTrue();
        var image = related[1].ShouldBeOfType<MimePart>();
        image.ContentType.MimeType.ShouldBe("image/png");
        html.Text.ShouldContain($"src=\"cid:{image.ContentId}\"");
        using var png = new MemoryStream();
        image.Content!.DecodeTo(png);
        PngHeader.Size(png.ToArray()).ShouldBe((TrafficChart.Width, TrafficChart.Height));

        var cells = Cell().Matches(html.Text).ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value), m => m.Groups[3].Value);
        foreach (var (field, _) in ContextFields.Shown)
        {
            cells[("server", field)].ShouldBe(HtmlText.Number(source.Context.Server!.ValueAtAlert(field)));
            cells[("backend", field)].ShouldBe(HtmlText.Number(source.Context.Backend.ValueAtAlert(field)));
        }
        html.Text.ShouldContain("<td class=\"status\" style=\"color:#b00020\">DOWN</td>");
        html.Text.ShouldContain($"href=\"http://noc.example.net:8080/server?host=lb1&amp;proxy=app&amp;server=web1&amp;at={t.ToUnixTimeMilliseconds()}\"");
        html.Text.ShouldContain("color:#d35400"); // warning colour on the banner
        mail.Raw.ShouldAllBe(b => b < 128);
        System.Text.Encoding.ASCII.GetString(mail.Raw).ShouldNotContain("=0D=0A");
    }

    [Fact]
    public async Task Deliver_SourceSlowerThanTheBound_MailGoesOutWithoutContextAndSaysSo()
    {
        var source = new RecordingSource(SampleContext.Build(), slow: true);
        using var harness = Harness(source, "00:00:00.200");
        harness.InsertLines(DeliveryHarness.Line(DateTimeOffset.UtcNow.AddSeconds(-5), 129, Down));
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var mail = _bed.Smtp.Messages().ShouldHaveSingleItem();
        source.Release.Task.IsCompleted.ShouldBeFalse(); // delivered while the source was still busy
        source.Requests.Count.ShouldBe(1);
        mail.Body.ShouldContain("Traffic context unavailable: not ready within 200 ms");
        mail.Html.ShouldNotBeNull().ShouldContain("Traffic context unavailable: not ready within 200 ms");
        mail.Html.ShouldNotContain("cid:");
        mail.Mime.BodyParts.OfType<MimePart>().ShouldNotContain(p => p.ContentType.MediaType == "image");
        source.Release.SetResult();
    }

    [Fact]
    public async Task Deliver_NoSourceRegistered_MailSaysNoStoreIsConnected()
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, _bed.Settings());
        harness.InsertLines(DeliveryHarness.Line(DateTimeOffset.UtcNow.AddSeconds(-5), 129, Down));
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var mail = _bed.Smtp.Messages().ShouldHaveSingleItem();
        mail.Body.ShouldContain("Traffic context unavailable: no traffic store is connected to the Alerter");
        mail.Html.ShouldNotBeNull().ShouldContain("Traffic context unavailable: no traffic store is connected to the Alerter");
    }

    [Fact]
    public async Task Deliver_HostileNamesWithContext_NoHeaderAndNoMarkupInjected()
    {
        const string proxy = "app<script>alert(1)</script>\r\nBcc: evil@example.org";
        const string server = "web\"><img src=x onerror=alert(2)>\u2028X-Injected: yes";
        var source = new RecordingSource(SampleContext.Build(server), slow: false);
        var settings = _bed.Settings();
        settings["Alerter:Policy:Routes:0:Proxy"] = "*";
        settings["Alerter:ContextTimeout"] = "00:00:05";
        settings["Alerter:DashboardUrl"] = "http://noc.example.net";
        using var harness = new DeliveryHarness(_bed.Directory.Path, settings, services => services.AddSingleton<IAlertContextSource>(source));
        var hostile = new LogEvent
        {
            Kind = LogEventKind.ServerDown,
            Proxy = proxy,
            Server = server,
            Reason = "Layer4 <b>connection</b> problem\r\nX-Reason: injected",
            ActiveLeft = 1,
            BackupLeft = 0,
            Timestamp = DateTimeOffset.UtcNow.AddSeconds(-5),
            Message = "Server x is DOWN",
        };
        harness.InsertRows([new EventRow("hostile-ctx", DeliveryHarness.Host, hostile, DateTimeOffset.UtcNow, "hostile <script>line</script>", "test")]);
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var mail = _bed.Smtp.Messages().ShouldHaveSingleItem();
        mail.Count("Bcc").ShouldBe(0);
        mail.Count("X-Injected").ShouldBe(0);
        mail.Count("X-Reason").ShouldBe(0);
        mail.Count("To").ShouldBe(1);
        var html = mail.Html.ShouldNotBeNull();
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<b>connection");
        html.ShouldNotContain("<img src=x");
        Regex.Matches(html, "<img ").Count.ShouldBe(1); // the chart only
        Regex.Matches(html, "<a ").Count.ShouldBe(1); // the dashboard link only
        html.ShouldContain("app&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain(Uri.EscapeDataString(server));
    }

    [GeneratedRegex("<td align=\"right\" data-series=\"(server|backend)\" data-field=\"([a-z0-9_]+)\">([^<]*)</td>")]
    private static partial Regex Cell();
}
