using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceDefaults.Hosting;
using ServiceDefaults.Settings;

namespace ServiceDefaults.Tests.Hosting;

public class SettingsCheckTests
{
    [SettingRenamed("EnableSsl", nameof(Security), Values = ["true=StartTls", "false=None"])]
    public sealed class MailOptions
    {
        public string Security { get; set; } = "StartTls";
    }

    public sealed class UndeclaredOptions
    {
        public int Value { get; set; }
    }

    private static HostApplicationBuilder Builder(params string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        SuiteConfiguration.Apply(builder, args, null);
        return builder;
    }

    [Fact]
    public void Apply_RenamedKey_BoundUnderItsNewName()
    {
        var builder = Builder("--Alerter:Mail:EnableSsl=false");
        builder.Services.AddOptions<MailOptions>().BindSettings("Alerter:Mail");

        var verdict = SettingsCheck.Apply(builder, "the Alerter");
        using var host = builder.Build();

        host.Services.GetRequiredService<IOptions<MailOptions>>().Value.Security.ShouldBe("None");
        verdict.Warnings.ShouldHaveSingleItem().ShouldContain("renamed to Alerter:Mail:Security");
    }

    [Fact]
    public void Apply_UnknownKey_SettingsExceptionDescribedAsConfigurationError()
    {
        var builder = Builder("--Alerter:Mail:Securty=None");
        builder.Services.AddOptions<MailOptions>().BindSettings("Alerter:Mail");

        var error = Should.Throw<SettingsException>(() => SettingsCheck.Apply(builder, "the Alerter"));

        ConfigurationFailure.Describe(error).ShouldBe(["unknown setting Alerter:Mail:Securty (command line): did you mean Alerter:Mail:Security?"]);
    }

    [Fact]
    public void Apply_OptionsOfOursBoundWithoutBindSettings_NamedAsABug()
    {
        var builder = Builder();
        builder.Services.AddOptions<UndeclaredOptions>().BindConfiguration("Alerter:Undeclared");

        Should.Throw<InvalidOperationException>(() => SettingsCheck.Apply(builder, "the Alerter"))
            .Message.ShouldContain(typeof(UndeclaredOptions).FullName!);
    }
}
