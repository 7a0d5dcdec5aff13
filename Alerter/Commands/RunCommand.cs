using System.CommandLine;
using Alerter.Hosting;
using ServiceDefaults.Hosting;
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
            AlerterHostFactory.CheckSettings(builder, writeWarnings: false);
            using var host = builder.Build();
            // Exit 0 on a clean stop, 1 when a background service failed (ServiceRun), 2 for settings that cannot work.
            return await ServiceRun.RunAsync(host, Console.Error, cancellationToken).ConfigureAwait(false);
        });
}
