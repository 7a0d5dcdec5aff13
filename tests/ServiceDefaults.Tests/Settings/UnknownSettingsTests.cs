using Microsoft.Extensions.Configuration;

using ServiceDefaults.Settings;

namespace ServiceDefaults.Tests.Settings;

public class UnknownSettingsTests
{
    private sealed class RouteRule
    {
        public string Proxy { get; set; } = "*";

        public List<string> Email { get; set; } = [];
    }

    private sealed class PolicyOptions
    {
        public TimeSpan GroupSettle { get; set; }

        public List<RouteRule> Routes { get; set; } = [];

        public Dictionary<string, int> Weights { get; set; } = [];

        /// <summary>Computed: the binder cannot set it, so it is not a key.</summary>
        public bool HasRoutes => Routes.Count > 0;
    }

    [SettingRenamed("EnableSsl", "Security", Values = ["true=StartTls", "false=None"], Since = "2026-12")]
    private sealed class SmtpOptions
    {
        public string Host { get; set; } = "";

        public string Security { get; set; } = "StartTls";

        public string? Password { get; set; }

        [ConfigurationKeyName("user")]
        public string? UserName { get; set; }
    }

    private sealed class EmailOptions
    {
        public string? DashboardUrl { get; set; }
    }

    private static readonly SettingsNode Schema = SettingsSchema.Build(
    [
        new SettingsSection("Alerter:Policy", typeof(PolicyOptions)),
        new SettingsSection("Alerter:Smtp", typeof(SmtpOptions)),
        new SettingsSection("Alerter", typeof(EmailOptions)),
    ]);

    private static SettingsVerdict Check(params ConfiguredKey[] keys) => UnknownSettings.Check(Schema, keys, "the Alerter");

    [Theory]
    [InlineData("Alerter:Policy:Routes:0:Email:0")]
    [InlineData("Alerter:Policy:Routes:3:Proxy")]
    [InlineData("alerter:policy:groupsettle")]
    [InlineData("Alerter:Policy:Weights:be_web")]
    [InlineData("Alerter:Smtp:user")]
    [InlineData("Alerter:DashboardUrl")]
    [InlineData("Alerter:Smtp")]
    public void Check_KeyTheOptionsBind_NoProblem(string key)
    {
        var verdict = Check(new ConfiguredKey(key, "x", "command line"));

        verdict.Errors.ShouldBeEmpty();
        verdict.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Alerter:Policy:Route:0:Email:0", "command line", "unknown setting Alerter:Policy:Route:0:Email:0 (command line): did you mean Alerter:Policy:Routes?")]
    [InlineData("Alerter:Smtp:Securty", "environment MONITORING__Alerter__Smtp__Securty", "unknown setting Alerter:Smtp:Securty (environment MONITORING__Alerter__Smtp__Securty): did you mean Alerter:Smtp:Security?")]
    [InlineData("Alerter:Policy:Routes:0:Emial:0", "/etc/alerter.json", "unknown setting Alerter:Policy:Routes:0:Emial:0 (/etc/alerter.json): did you mean Alerter:Policy:Routes:0:Email?")]
    [InlineData("Alertr:Smtp:Host", "command line", "unknown setting Alertr:Smtp:Host (command line): did you mean Alerter:Smtp:Host?")]
    [InlineData("Alerter:Password", "command line", "unknown setting Alerter:Password (command line): did you mean Alerter:Smtp:Password?")]
    [InlineData("Alerter:Policy:Enabled", "command line", "unknown setting Alerter:Policy:Enabled (command line): the keys under Alerter:Policy are GroupSettle, Routes, Weights")]
    [InlineData("Alerter:Smtp:Host:Name", "command line", "unknown setting Alerter:Smtp:Host:Name (command line): Alerter:Smtp:Host is a single value, not a section")]
    public void Check_KeyNothingReads_OneLineNamingItAndTheClosestKnownKey(string key, string origin, string expected)
    {
        Check(new ConfiguredKey(key, "x", origin)).Errors.ShouldBe([expected]);
    }

    [Fact]
    public void Build_ComputedPropertyWithoutSetter_NotAKey()
    {
        Schema.Children["Alerter"].Children["Policy"].Children.Keys.Order().ShouldBe(["GroupSettle", "Routes", "Weights"]);
        Schema.Children["Alerter"].Children.Keys.Order().ShouldBe(["DashboardUrl", "Policy", "Smtp"]);
    }

    [Fact]
    public void Check_SeveralKeysUnderOneMisspeltSection_OneLineSayingHowManyMore()
    {
        var verdict = Check(
            new ConfiguredKey("Alerter:Policy:Route:0:Email:0", "a", "command line"),
            new ConfiguredKey("Alerter:Policy:Route:0:Email:1", "b", "command line"),
            new ConfiguredKey("Alerter:Policy:Route:0:Proxy", "be_*", "command line"));

        verdict.Errors.ShouldBe(["unknown setting Alerter:Policy:Route:0:Email:0 (command line) (and 2 more keys under Alerter:Policy:Route): did you mean Alerter:Policy:Routes?"]);
    }

    [Theory]
    [InlineData("Logging:LogLevel:Default")]
    [InlineData("Kestrel:Endpoints:Http:Url")]
    [InlineData("AllowedHosts")]
    [InlineData("urls")]
    public void Check_HostSections_KeepTheirOwnRules(string key)
    {
        var verdict = Check(new ConfiguredKey(key, "x", "command line"));

        verdict.Errors.ShouldBeEmpty();
        verdict.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Check_AnotherPartsSection_IgnoredWithOneWarningPerSource()
    {
        var verdict = Check(
            new ConfiguredKey("Collector:Interval", "00:00:10", "environment MONITORING__Collector__Interval"),
            new ConfiguredKey("Collector:Sqlite:DataDirectory", "/x", "environment MONITORING__Collector__Sqlite__DataDirectory"));

        verdict.Errors.ShouldBeEmpty();
        verdict.Warnings.Count.ShouldBe(2); // two variables, two origins
        verdict.Warnings[0].ShouldBe("Settings under Collector (environment MONITORING__Collector__Interval) are read by another part of the suite, not by the Alerter; ignored here.");
    }

    [Theory]
    [InlineData("false", "None")]
    [InlineData("True", "StartTls")]
    public void Check_RenamedKey_ReadUnderItsNewNameWithAWarning(string old, string translated)
    {
        var verdict = Check(new ConfiguredKey("Alerter:Smtp:EnableSsl", old, "command line"));

        verdict.Errors.ShouldBeEmpty();
        verdict.Translations.ShouldBe(new Dictionary<string, string?> { ["Alerter:Smtp:Security"] = translated });
        verdict.Warnings.ShouldBe([$"Alerter:Smtp:EnableSsl (command line) was renamed to Alerter:Smtp:Security in 2026-12; read as Alerter:Smtp:Security={translated} for now. Rename it: the old name stops working in the next release."]);
    }

    [Fact]
    public void Check_RenamedKeyAndItsNewName_NewNameWinsAndTheOldIsNamedInAWarning()
    {
        var verdict = Check(
            new ConfiguredKey("Alerter:Smtp:EnableSsl", "false", "/etc/alerter.json"),
            new ConfiguredKey("Alerter:Smtp:Security", "SslOnConnect", "command line"));

        verdict.Errors.ShouldBeEmpty();
        verdict.Translations.ShouldBeEmpty();
        verdict.Warnings.ShouldHaveSingleItem().ShouldContain("Alerter:Smtp:Security is set too and wins. Remove Alerter:Smtp:EnableSsl");
    }

    [Fact]
    public void Check_RenamedKeyWithAValueTheNewKeyHasNoWordFor_ConfigurationError()
    {
        Check(new ConfiguredKey("Alerter:Smtp:EnableSsl", "maybe", "command line")).Errors.ShouldBe(
            ["unknown setting Alerter:Smtp:EnableSsl (command line): it was renamed to Alerter:Smtp:Security in 2026-12, and 'maybe' has no equivalent there (old values: true, false); set Alerter:Smtp:Security instead"]);
    }
}
