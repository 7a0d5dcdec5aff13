using System.CommandLine;
using Alerter.Hosting;
using ServiceDefaults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerter.Commands;

/// <summary><c>alerter run</c>: the worker (Quartz log-scan and delivery jobs) until stopped.</summary>
public static class RunCommand
{
    public static Command Create(Option<FileInfo?> config)
    {
        var command = new Command("run", "Run the worker: scan the configured logs and deliver alerts (the default).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, token) => RunAsync(parse, config, token));
        return command;
    }

    public static Task<int> RunAsync(ParseResult parse, Option<FileInfo?> config, CancellationToken cancellationToken) =>
        AlerterHostFactory.GuardAsync(async () =>
        {
            var builder = AlerterHostFactory.CreateBuilder(parse.UnmatchedTokens, parse.GetValue(config), LogLevel.Information);
            builder.Services.AddAlerterWorker(builder.Configuration);
            using var host = builder.Build();
            ConfigurationFailure.CheckBeforeStart(host.Services);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
}
