using Storage.Schema;
using Alerter.Messages.Templates;
using Alerter.Policy;
using Storage.Events;
using Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Alerter.Dispatch;

/// <summary>
/// The dispatcher's reads and writes of <c>haproxy_event</c>, through Storage's event store inside the dispatch
/// transaction: this class only maps Storage's rows to what the policy and the templates take.
/// </summary>
internal static class EventRows
{
    /// <summary>Undispatched rows in id order; rows with a kind this build does not know are returned in <paramref name="unknown"/>.</summary>
    public static List<PolicyEvent> ReadPending(SqliteConnection connection, SqliteTransaction transaction, int limit, List<long> unknown) =>
        ToPolicy(Store(connection, transaction).ReadPending(limit), unknown);

    /// <summary>The outage events held for the numbers (<see cref="UnconfirmedRows"/>), in id order.</summary>
    public static List<PolicyEvent> ReadUnconfirmed(SqliteConnection connection, SqliteTransaction transaction) =>
        ToPolicy(Store(connection, transaction).ReadByIds(UnconfirmedRows.Load(connection, transaction)), []);

    /// <summary>The last <paramref name="count"/> transitions of a server up to <paramref name="until"/>, oldest first.</summary>
    public static IReadOnlyList<RecentTransition> Recent(SqliteConnection connection, SqliteTransaction transaction, ServerKey server, DateTimeOffset until, int count) =>
        [.. Store(connection, transaction).ReadRecent(server.Host, server.Proxy, server.Server, until, count).Select(r => new RecentTransition(r.Time, r.Kind, r.Reason))];

    public static void MarkDispatched(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(long Id, string Severity)> rows) =>
        Store(connection, transaction).MarkDispatched(rows);

    private static SqliteEventStore Store(SqliteConnection connection, SqliteTransaction transaction) => new(connection, transaction);

    private static List<PolicyEvent> ToPolicy(IReadOnlyList<StoredEventRow> rows, List<long> unknown)
    {
        var events = new List<PolicyEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (!EventKinds.TryParse(row.Kind, out var kind))
            {
                unknown.Add(row.Id);
                continue;
            }
            events.Add(new PolicyEvent
            {
                Id = row.Id,
                Key = row.IdempotencyKey,
                Host = row.Host,
                Proxy = row.Proxy,
                Server = row.Server,
                Kind = kind,
                Time = row.Time,
                Reason = row.Reason,
                CheckInfo = row.CheckInfo,
                CheckCode = row.CheckCode,
                CheckDurationMs = row.CheckDurationMs,
                ActiveLeft = row.ActiveLeft,
                BackupLeft = row.BackupLeft,
                IsBackup = row.IsBackup,
                Via = row.Via,
                Message = row.Message,
                Line = row.Line,
            });
        }
        return events;
    }
}
