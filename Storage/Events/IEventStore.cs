namespace Storage.Events;

/// <summary>
/// <c>haproxy_event</c>, the one way to write and read it for its writer (the Alerter). An instance works inside the
/// unit of work its caller holds (a scanner's checkpoint transaction, the dispatcher's transaction), so events and
/// the caller's own rows commit together; <see cref="Sqlite.SqliteEventStore"/> is the embedded implementation, and
/// a shared one (PostgreSQL, for a fleet) implements the same calls over its own transaction. Ids grow with
/// insertion: "after a cursor" and "pending in order" mean id order.
/// </summary>
public interface IEventStore
{
    /// <summary>Inserts by idempotency key (a key already stored is skipped); returns how many rows were new.
    /// <paramref name="markDispatched"/> stores history that must not alert (a backfill without alerts).</summary>
    int Append(IReadOnlyList<EventRow> rows, bool markDispatched = false);

    /// <summary>Up to <paramref name="limit"/> rows the dispatcher has not handled, in id order.</summary>
    IReadOnlyList<StoredEventRow> ReadPending(int limit);

    /// <summary>The rows with these ids, in id order (ids not stored are left out).</summary>
    IReadOnlyList<StoredEventRow> ReadByIds(IReadOnlyCollection<long> ids);

    /// <summary>The last <paramref name="count"/> events of one server up to <paramref name="until"/>, oldest first.</summary>
    IReadOnlyList<StoredEventRow> ReadRecent(string host, string proxy, string server, DateTimeOffset until, int count);

    /// <summary>Sets each row's severity and marks it handled.</summary>
    void MarkDispatched(IEnumerable<(long Id, string Severity)> rows);

    /// <summary>
    /// Up to <paramref name="limit"/> rows after <paramref name="cursor"/> in id order, stopping before the first row
    /// the dispatcher has not handled (its severity is not known yet, and a cursor must never pass a row).
    /// </summary>
    IReadOnlyList<StoredEventRow> ReadDispatchedAfter(long cursor, int limit);

    /// <summary>How many rows lie after <paramref name="cursor"/>, handled or not.</summary>
    long CountAfter(long cursor);
}
