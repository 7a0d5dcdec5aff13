using Alerter.Influx;
using Alerter.Journal;
using Alerter.Logs;
using Alerter.Scheduling;
using Alerter.Sending.Outbox;
using Alerter.Sources;
using Alerter.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Storage.Reading;

namespace Alerter.Commands;

/// <summary>Reads <see cref="StatusReport"/> from the database and the optional outbox status; no daemon needed.</summary>
public sealed class StatusReader(AlerterDatabase database, IOptions<LogScanOptions> options, IOptions<JournalOptions> journalOptions, LogSourceChoice choice,
    IServiceProvider services, TimeProvider time)
{
    /// <exception cref="StoreUnreadableException">The database exists but SQLite cannot read it (damaged, locked past the
    /// busy timeout, not a database): the message names the file and SQLite's reason.</exception>
    public StatusReport Read()
    {
        try
        {
            return ReadReport();
        }
        catch (SqliteException ex)
        {
            throw new StoreUnreadableException($"The Alerter's database {database.Path} cannot be read ({ex.Message}).", ex);
        }
    }

    private StatusReport ReadReport()
    {
        var now = time.GetUtcNow();
        var files = new Dictionary<string, FileStatus>(StringComparer.Ordinal);
        var journals = new Dictionary<string, JournalStatus>(StringComparer.Ordinal);
        IReadOnlyList<SourceProblem> problems = [];
        InfluxExportStatus? influx = null;
        if (File.Exists(database.Path))
        {
            using var connection = database.OpenEnsured();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT path, host, last_scan_unix_ms, offset, file_size, device, inode, events, events_inserted, malformed,
                       overlong, invalid_utf8, rotations, last_event_unix_ms, last_action
                FROM log_checkpoint ORDER BY path
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                files[reader.GetString(0)] = new FileStatus(reader.GetString(0), reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9),
                    reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12),
                    reader.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
                    reader.IsDBNull(14) ? null : reader.GetString(14));
            }
            reader.Close();
            influx = ReadInfluxExport(connection);
            ReadJournals(connection, journals);
            problems = SourceProblemStore.ReadAll(connection);
        }
        foreach (var target in LogSourceExpander.Expand(options.Value.Sources))
        {
            // Never scanned: this command looks at the file itself (as its own user), so a missing or unreadable file
            // is named even before the worker ran.
            files.TryAdd(target.Path, new FileStatus(target.Path, target.Host, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, SourceAccessProbe.CheckFile(target.Path)));
        }
        // Under Auto this command makes its own choice from its own settings: a `status` given only the data directory
        // (no sources) would pick the journal while the worker, started with its files, reads those. A database that
        // shows files read and no journal says what the worker chose; Always, or no file read yet, keeps the journal.
        if (choice.Journal && (journalOptions.Value.Use == JournalUse.Always || files.Values.All(f => f.LastScan is null)))
        {
            var journal = journalOptions.Value;
            journals.TryAdd(journal.SourceName, new JournalStatus(journal.SourceName, journal.ResolveHost(options.Value), null, null, 0, 0, 0, 0, 0, null, null));
        }
        foreach (var problem in problems)
        {
            // The worker's own finding (its user and groups), which is what decides whether alerts come.
            if (files.TryGetValue(problem.Source, out var file))
            {
                files[problem.Source] = file with { Problem = problem.Problem };
            }
            else if (journals.TryGetValue(problem.Source, out var journal))
            {
                journals[problem.Source] = journal with { Problem = problem.Problem };
            }
            else if (problem.Source.StartsWith("journal:", StringComparison.Ordinal))
            {
                journals[problem.Source] = new JournalStatus(problem.Source, problem.Host, null, null, 0, 0, 0, 0, 0, null, problem.Problem);
            }
            else
            {
                files[problem.Source] = new FileStatus(problem.Source, problem.Host, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, problem.Problem);
            }
        }
        OutboxSnapshot? outbox = null;
        if (services.GetService<IOutboxStatus>() is { } status)
        {
            try
            {
                outbox = status.Read();
            }
            catch (SqliteException ex) when (IsMissingTable(ex))
            {
                // The delivery tables do not exist before the first run; anything else is an error the operator must see.
            }
        }
        return new StatusReport(database.Path, [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)], outbox,
            LogScanSchedule.Period(options.Value, now), now, influx, [.. journals.Values.OrderBy(j => j.Source, StringComparer.Ordinal)]);
    }

    /// <summary>SQLite's "no such table" (SQLITE_ERROR with that text: it has no code of its own).</summary>
    private static bool IsMissingTable(SqliteException ex) =>
        ex.SqliteErrorCode == 1 && ex.Message.Contains("no such table", StringComparison.Ordinal);

    private static void ReadJournals(SqliteConnection connection, Dictionary<string, JournalStatus> journals)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT source, host, last_scan_unix_ms, cursor, entries, events, events_inserted, malformed, invalid_utf8, last_entry_unix_ms
            FROM journal_checkpoint ORDER BY source
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            journals[reader.GetString(0)] = new JournalStatus(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8),
                reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)), null);
        }
    }

    private static InfluxExportStatus? ReadInfluxExport(SqliteConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'influx_event_export'";
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return null; // the export was never configured here
        }
        var cursor = EventExportStore.ReadCursor(connection);
        return new InfluxExportStatus(cursor, EventExportStore.CountAfter(connection, cursor));
    }
}
