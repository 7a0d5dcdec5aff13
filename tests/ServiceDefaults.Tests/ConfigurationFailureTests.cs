using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ServiceDefaults.Tests;

public class ConfigurationFailureTests
{
    private sealed class Settings
    {
        public TimeSpan Interval { get; set; }

        public bool Enabled { get; set; }

        public int Port { get; set; }
    }

    private static InvalidOperationException BindingError(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"S:{key}"] = value }).Build();
        return Should.Throw<InvalidOperationException>(() => configuration.GetSection("S").Get<Settings>());
    }

    [Fact]
    public void Describe_ValidationFailures_EachFailureAsALine()
    {
        var error = new OptionsValidationException("", typeof(Settings), ["S:Interval is 0.5 s; use 1 s or more.", "S:Port is 0."]);

        ConfigurationFailure.Describe(error).ShouldBe(["S:Interval is 0.5 s; use 1 s or more.", "S:Port is 0."]);
    }

    [Fact]
    public void Describe_SeveralOptionsFailing_AllTheirFailuresOnce()
    {
        var error = new AggregateException(
            new OptionsValidationException("", typeof(Settings), ["a is wrong."]),
            new OptionsValidationException("", typeof(Settings), ["b is wrong.", "a is wrong."]));

        ConfigurationFailure.Describe(error).ShouldBe(["a is wrong.", "b is wrong."]);
    }

    [Theory]
    [InlineData("Interval", "ten seconds", "'System.TimeSpan'", "e.g. \"00:00:10\".")]
    [InlineData("Enabled", "maybe", "'System.Boolean'", "Write true or false.")]
    [InlineData("Port", "http", "'System.Int32'", "")]
    public void Describe_ValueTheBinderCannotConvert_NamesKeyValueTypeAndHowToWriteIt(string key, string value, string type, string hint)
    {
        var line = ConfigurationFailure.Describe(BindingError(key, value)).ShouldHaveSingleItem();

        line.ShouldContain($"'{value}' at 'S:{key}'");
        line.ShouldContain(type);
        line.ShouldEndWith(hint);
    }

    [Fact]
    public void Describe_SettingsFileThatIsNotJson_NamesTheFileAndTheLine()
    {
        using var dir = new TestSupport.TempDirectory("cfj");
        var path = dir.Combine("settings.json");
        File.WriteAllText(path, "{\n  \"Collector\": {\n    \"Interval\": \"00:00:10\",,\n");
        var error = Should.Throw<InvalidDataException>(() => new ConfigurationBuilder().AddJsonFile(path).Build());

        var line = ConfigurationFailure.Describe(error).ShouldHaveSingleItem();

        line.ShouldStartWith($"Failed to load configuration from file '{path}'. Could not parse the JSON file.");
        line.ShouldContain("LineNumber: 2");
    }

    [Fact]
    public void Describe_AnythingElse_IsNotAConfigurationProblem()
    {
        ConfigurationFailure.Describe(new InvalidOperationException("Sequence contains no elements")).ShouldBeNull();
        ConfigurationFailure.Describe(new IOException("disk full")).ShouldBeNull();
        ConfigurationFailure.Describe(new AggregateException(new OptionsValidationException("", typeof(Settings), ["a is wrong."]), new IOException("disk full"))).ShouldBeNull();
    }

    [Fact]
    public void Report_WritesEachFailureForAPersonAndReturnsExitCode2()
    {
        var error = new StringWriter();

        ConfigurationFailure.Report(["a is wrong.", "b is wrong."], error).ShouldBe(2);

        error.ToString().ShouldBe("Configuration error: a is wrong.\nConfiguration error: b is wrong.\n");
    }
}
