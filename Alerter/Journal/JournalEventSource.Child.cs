using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Alerter.Sources;

namespace Alerter.Journal;

/// <summary>The journalctl children of <see cref="JournalEventSource"/>: starting them, their stdout and stderr.</summary>
public sealed partial class JournalEventSource
{
    /// <summary>The cursor of the last matching entry (null when there is none); Failed when journalctl could not run.</summary>
    private async Task<(string? Cursor, bool Failed)> LastCursorAsync(JournalOptions settings, string host, CancellationToken cancellationToken)
    {
        using var process = Start(settings, JournalctlArguments.Last(settings), host);
        if (process is null)
        {
            return (null, true);
        }
        var stderrTask = process.StandardError.ReadToEndAsync(cancellationToken);
        string? cursor = null;
        while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            cursor = JournalEntryParser.Parse(line)?.Cursor ?? cursor;
        }
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var said = (await stderrTask.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (said.FirstOrDefault(SourceAdvice.IsJournalPermissionText) is { } denied)
        {
            problems.Report(settings.SourceName, host, SourceAdvice.JournalUnreadable(denied, SourceAccessProbe.FactsFor(settings.Directory), settings.Directory));
            return (null, true);
        }
        if (process.ExitCode != 0)
        {
            problems.Report(settings.SourceName, host, SourceAdvice.JournalctlExited(process.ExitCode, said.LastOrDefault()));
            return (null, true);
        }
        return (cursor, false);
    }

    private Process? Start(JournalOptions settings, IReadOnlyList<string> arguments, string host)
    {
        var info = new ProcessStartInfo(settings.JournalctlPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // journalctl pages and colours for terminals only, but say so: its output is parsed.
        info.Environment["SYSTEMD_PAGER"] = "cat";
        info.Environment["SYSTEMD_COLORS"] = "0";
        try
        {
            return Process.Start(info) ?? throw new Win32Exception("journalctl did not start");
        }
        catch (Win32Exception)
        {
            problems.Report(settings.SourceName, host, SourceAdvice.JournalctlMissing(settings.JournalctlPath));
            return null;
        }
    }

    private static async Task PumpAsync(StreamReader stdout, ChannelWriter<string> writer, CancellationToken cancellationToken)
    {
        try
        {
            while (await stdout.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length > 0)
                {
                    await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task ReadStderrAsync(Process process, JournalStderrWatch watch, JournalOptions settings, string host)
    {
        while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            watch.LastLine = line;
            if (watch.Logged++ < StderrLinesLogged)
            {
                LogStderr(settings.SourceName, line);
            }
            else
            {
                watch.Suppressed++;
            }
            if (SourceAdvice.IsJournalPermissionText(line))
            {
                watch.PermissionLine = line;
                problems.Report(settings.SourceName, host, SourceAdvice.JournalUnreadable(line, SourceAccessProbe.FactsFor(settings.Directory), settings.Directory));
            }
        }
    }

    private static async Task Quiet(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or ChannelClosedException)
        {
        }
    }
}
