using System.CommandLine;
using Alerter.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    public static async Task<int> RunAsync(ParseResult parse, Option<FileInfo?> config, CancellationToken cancellationToken)
    {
        var builder = AlerterHostFactory.CreateBuilder(parse.UnmatchedTokens, parse.GetValue(config), LogLevel.Information);
        builder.Services.AddAlerterWorker(builder.Configuration);
        try
        {
            using var host = builder.Build();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"Configuration error: {failure}").ConfigureAwait(false);
            }
            return 2;
        }
    }
}
