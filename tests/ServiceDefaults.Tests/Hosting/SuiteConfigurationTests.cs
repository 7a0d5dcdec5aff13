using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ServiceDefaults.Hosting;
using ServiceDefaults.Settings;
using TestSupport;

namespace ServiceDefaults.Tests.Hosting;

public class SuiteConfigurationTests
{
    private static HostApplicationBuilder Builder(IReadOnlyList<string> args, string? configFile)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. args], ContentRootPath = AppContext.BaseDirectory });
        SuiteConfiguration.Apply(builder, args, configFile);
        return builder;
    }

    [Fact]
    public void Apply_SameKeyEverywhere_CommandLineBeatsEnvironmentBeatsConfigFile()
    {
        using var dir = new TempDirectory("sco");
        var file = dir.Combine("settings.json");
        File.WriteAllText(file, """{ "Order": { "File": "file", "Env": "file", "Cli": "file" } }""");
        // Names no other test uses: the environment is the process's.
        Environment.SetEnvironmentVariable("MONITORING__Order__Env", "env");
        Environment.SetEnvironmentVariable("MONITORING__Order__Cli", "env");
        try
        {
            var configuration = Builder(["--Order:Cli=cli"], file).Configuration;

            configuration["Order:File"].ShouldBe("file");
            configuration["Order:Env"].ShouldBe("env");
            configuration["Order:Cli"].ShouldBe("cli");
        }
        finally
        {
            Environment.SetEnvironmentVariable("MONITORING__Order__Env", null);
            Environment.SetEnvironmentVariable("MONITORING__Order__Cli", null);
        }
    }

    [Fact]
    public void Apply_AppSettingsInTheWorkingDirectoryAndUnprefixedVariables_NotRead()
    {
        using var dir = new TempDirectory("scw");
        File.WriteAllText(dir.Combine("appsettings.json"), """{ "Stray": { "FromCwd": "yes" } }""");
        var cwd = Directory.GetCurrentDirectory();
        Environment.SetEnvironmentVariable("Stray__FromEnvironment", "yes");
        try
        {
            Directory.SetCurrentDirectory(dir.Path);
            var configuration = Builder([], null).Configuration;

            configuration["Stray:FromCwd"].ShouldBeNull();
            configuration["Stray:FromEnvironment"].ShouldBeNull();
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
            Environment.SetEnvironmentVariable("Stray__FromEnvironment", null);
        }
    }

    [Fact]
    public void Apply_ConfigFileMissing_SettingsErrorNamingIt()
    {
        var error = Should.Throw<SettingsException>(() => Builder([], "/nonexistent/collector.json"));

        ConfigurationFailure.Describe(error).ShouldBe(["--config '/nonexistent/collector.json' does not exist (nor does its directory /nonexistent)."]);
    }

    [Theory]
    [InlineData(new[] { "--config", "/etc/x.json", "--A:B=1" }, "/etc/x.json")]
    [InlineData(new[] { "--A:B=1", "--config=/etc/x.json" }, "/etc/x.json")]
    [InlineData(new[] { "-c", "/etc/x.json", "--A:B=1" }, "/etc/x.json")]
    [InlineData(new[] { "--A:B=1" }, null)]
    public void SplitConfigArgument_ConfigFileTakenOutTheRestKept(string[] args, string? file)
    {
        var (configFile, rest) = SuiteConfiguration.SplitConfigArgument(args);

        configFile.ShouldBe(file);
        rest.ShouldBe(["--A:B=1"]);
    }

    [Fact]
    public void OurKeys_EachKeyWithWhereItWasWritten()
    {
        using var dir = new TempDirectory("sck");
        var file = dir.Combine("settings.json");
        File.WriteAllText(file, """{ "Alerter": { "Policy": { "Routes": [ { "Email": [ "a@b" ] } ] } } }""");
        Environment.SetEnvironmentVariable("MONITORING__Alerter__Keys__FromEnv", "1");
        try
        {
            var keys = SuiteConfiguration.OurKeys(Builder(["--Alerter:Keys:FromCli=1"], file).Configuration);

            keys.ShouldContain(new ConfiguredKey("Alerter:Policy:Routes:0:Email:0", "a@b", file));
            keys.ShouldContain(new ConfiguredKey("Alerter:Keys:FromEnv", "1", "environment MONITORING__Alerter__Keys__FromEnv"));
            keys.ShouldContain(new ConfiguredKey("Alerter:Keys:FromCli", "1", "command line"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MONITORING__Alerter__Keys__FromEnv", null);
        }
    }
}
