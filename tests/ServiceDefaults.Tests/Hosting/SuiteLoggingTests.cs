using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using ServiceDefaults.Hosting;

namespace ServiceDefaults.Tests.Hosting;

public class SuiteLoggingTests
{
    private static IHost Host(params string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        SuiteConfiguration.Apply(builder, args, null);
        SuiteLogging.Apply(builder);
        return builder.Build();
    }

    [Fact]
    public void Apply_NothingSet_SimpleFormatterOnOneLineWithTheDate()
    {
        using var host = Host();

        host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe("simple");
        var simple = host.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;
        simple.SingleLine.ShouldBeTrue();
        simple.TimestampFormat.ShouldBe("yyyy-MM-dd HH:mm:ss.fff zzz ");
    }

    [Fact]
    public void Apply_FormatterSettings_TheOperatorsWin()
    {
        using var host = Host("--Logging:Console:FormatterName=systemd", "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm ");

        host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe("systemd");
        host.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.TimestampFormat.ShouldBe("HH:mm ");
    }
}
