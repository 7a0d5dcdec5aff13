using System.CommandLine;
using System.Globalization;
using Alerter.Hosting;
using Alerter.Logs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Alerter.Commands;

/// <summary><c>alerter backfill &lt;file&gt; [--from ts]</c>: reads a log's history into <c>haproxy_event</c>, with a progress bar.</summary>
public static class BackfillCommand
{
    public static Command Create(Option<FileInfo?> config)
    {
        var file = new Argument<FileInfo>("file") { Description = "The HAProxy log file to read from its start." };
        var from = new Option<string?>("--from") { Description = "Only store events at or after this time (ISO 8601; local time when no offset is given)." };
        var host = new Option<string?>("--host") { Description = "The host tag; default: the configured source's host for this file, else this machine's name." };
        var alert = new Option<bool>("--alert") { Description = "Leave the events pending so they are alerted (default: stored as history, not paged)." };
        var command = new Command("backfill", "Read a log file's history into the event store.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(file);
        command.Options.Add(from);
        command.Options.Add(host);
        command.Options.Add(alert);
        command.SetAction((parse, token) => AlerterHostFactory.GuardAsync(async () =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {path.FullName}").ConfigureAwait(false);
                return 2;
            }
            DateTimeOffset? start = null;
            if (parse.GetValue(from) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"--from '{text}' is not a timestamp; use ISO 8601, e.g. 2026-11-21T21:00:00+00:00").ConfigureAwait(false);
                    return 2;
                }
                start = parsed;
            }
            var builder = AlerterHostFactory.CreateBuilder(parse.UnmatchedTokens, parse.GetValue(config), LogLevel.Warning);
            builder.Services.AddAlerterCore(builder.Configuration, requireSources: false);
            AlerterHostFactory.CheckSettings(builder, writeWarnings: true);
            using var services = builder.Build();
            var sources = services.Services.GetRequiredService<IOptions<LogScanOptions>>().Value.Sources;
            var tag = parse.GetValue(host)
                ?? LogSourceExpander.Expand(sources).FirstOrDefault(t => t.Path == path.FullName)?.Host
                ?? Environment.MachineName;
            var backfill = services.Services.GetRequiredService<LogBackfill>();
            var result = await RunWithProgressAsync(backfill, path, tag, start, parse.GetValue(alert), token).ConfigureAwait(false);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Read {result.Bytes} bytes in {result.Elapsed.TotalSeconds:0.00} s ({result.MegabytesPerSecond:0.0} MB/s): {result.Events} events, {result.Inserted} new, {result.BeforeFrom} before --from; skipped {result.Malformed} malformed, {result.Overlong} overlong ({result.InvalidUtf8} invalid UTF-8)"));
            return 0;
        }));
        return command;
    }

    private static async Task<BackfillResult> RunWithProgressAsync(LogBackfill backfill, FileInfo path, string host, DateTimeOffset? from, bool alert, CancellationToken token)
    {
        if (Console.IsOutputRedirected)
        {
            return await backfill.RunAsync(path.FullName, host, from, alert, null, token).ConfigureAwait(false);
        }
        BackfillResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(path.Name, maxValue: Math.Max(1, path.Length));
                result = await backfill.RunAsync(path.FullName, host, from, alert, new InlineProgress(v => task.Value = v), token).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result!;
    }

    private sealed class InlineProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
