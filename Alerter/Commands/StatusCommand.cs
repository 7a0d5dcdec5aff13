using System.CommandLine;
using Alerter.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Storage.Reading;

namespace Alerter.Commands;

/// <summary><c>alerter status</c>: last scan per file, counts, outbox; exit 1 when a file is stale.</summary>
public static class StatusCommand
{
    public static Command Create(Option<FileInfo?> config)
    {
        var command = new Command("status", "Show the last scan per log file, event and skipped-line counts, and the outbox; exit code 1 if a file was not scanned within 3 intervals.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, _) => AlerterHostFactory.GuardAsync(() =>
        {
            var builder = AlerterHostFactory.CreateBuilder(parse.UnmatchedTokens, parse.GetValue(config), LogLevel.Warning);
            builder.Services.AddAlerterCore(builder.Configuration, requireSources: false);
            builder.Services.AddSingleton<StatusReader>(); // registered by the command, so the composition (Hosting) never names a command type
            AlerterHostFactory.CheckSettings(builder, writeWarnings: true);
            using var host = builder.Build();
            StatusReport report;
            try
            {
                report = host.Services.GetRequiredService<StatusReader>().Read();
            }
            catch (StoreUnreadableException ex)
            {
                // Not a configuration error and not a crash: one line naming the file and SQLite's reason.
                Console.Error.WriteLine($"alerter status: {ex.Message}");
                return Task.FromResult(1); // as for a stale source: the Alerter cannot be shown healthy
            }
            Console.Out.Write(StatusRenderer.Render(report));
            return Task.FromResult(report.ExitCode);
        }));
        return command;
    }
}
