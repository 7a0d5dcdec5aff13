using Alerter.Sending;
using Alerter.Sending.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TestSupport;

namespace Alerter.Tests.Integration.Sending;

/// <summary>
/// The start-up warm-up's SMTP check, against aiosmtpd: connect, STARTTLS, AUTH and QUIT without a message; a
/// failure is logged at start with the test-email advice and without the password.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SmtpStartupCheckTests : IAsyncLifetime
{
    private SmtpTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SmtpTestBed.StartAsync("smc");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Check_GoodServerAndCredentials_SucceedsAndSendsNothing()
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, _bed.Settings());
        var result = await harness.Get<SmtpEmailSender>().CheckAsync(CancellationToken.None);
        result.ShouldBe(SendResult.Sent);
        _bed.Smtp.Messages().ShouldBeEmpty();
    }

    [Fact]
    public async Task Check_WrongPassword_AuthenticationFailed()
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, DeliverySettings.For(_bed.Smtp, _bed.Certificate, password: "wrong-Pass"));
        var result = await harness.Get<SmtpEmailSender>().CheckAsync(CancellationToken.None);
        result.Problem.ShouldBe(DeliveryProblem.AuthenticationFailed, result.ToString());
    }

    [Fact]
    public async Task WarmUp_WrongPassword_WarnsAtStartWithAdviceAndNoSecret()
    {
        var logs = await WarmUpLogsAsync(DeliverySettings.For(_bed.Smtp, _bed.Certificate, password: "wrong-Pass"));
        var warning = logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("start-up check")).ShouldHaveSingleItem();
        warning.ShouldContain("authentication failed");
        warning.ShouldContain("alerter test-email --verbose");
        logs.All.ShouldNotContain("wrong-Pass");
        _bed.Smtp.Messages().ShouldBeEmpty();
    }

    [Fact]
    public async Task WarmUp_ClosedPort_WarnsUnreachable()
    {
        var settings = _bed.Settings();
        settings["Alerter:Smtp:Port"] = FreePort.Next().ToString();
        var logs = await WarmUpLogsAsync(settings);
        logs.Lines.ShouldContain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("unreachable"));
    }

    [Fact]
    public async Task WarmUp_GoodServer_LogsReady()
    {
        var logs = await WarmUpLogsAsync(_bed.Settings());
        logs.Lines.ShouldContain(l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains($"ready (StartTls, AUTH as {DeliverySettings.User})"));
        logs.All.ShouldNotContain(DeliverySettings.Password);
    }

    /// <summary>Runs the registered warm-up service to its end and returns what it logged.</summary>
    private async Task<CapturingLoggerProvider> WarmUpLogsAsync(Dictionary<string, string?> settings)
    {
        var logs = new CapturingLoggerProvider();
        using var harness = new DeliveryHarness(_bed.Directory.Path, settings,
            services => services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information)));
        var warmUp = harness.Get<IEnumerable<IHostedService>>().OfType<AlertEmailWarmUp>().ShouldHaveSingleItem();
        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
        await warmUp.StopAsync(CancellationToken.None);
        return logs;
    }
}
