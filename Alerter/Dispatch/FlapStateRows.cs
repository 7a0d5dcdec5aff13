using System.Globalization;
using Alerter.Policy;
using Storage.Schema;
using Microsoft.Data.Sqlite;

namespace Alerter.Dispatch;

/// <summary>
/// Loads and stores <c>alert_flap_state</c> rows (inside the dispatcher's transaction). <c>last_kind</c> holds a
/// <see cref="EventKinds"/> name, never an enum's <c>ToString()</c> (rows written before that hold the same names).
/// </summary>
internal static class FlapStateRows
{
    /// <summary>
    /// States of <paramref name="servers"/>, of every server of <paramref name="backends"/> (whether a held outage is
    /// over) and of every flapping server (the stable-again check needs those).
    /// </summary>
    public static Dictionary<ServerKey, FlapState> Load(SqliteConnection connection, SqliteTransaction transaction, IReadOnlySet<ServerKey> servers,
        IReadOnlySet<BackendKey>? backends = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT host, proxy, server, changes, flapping, last_change_ms, last_kind FROM alert_flap_state";
        using var reader = command.ExecuteReader();
        var states = new Dictionary<ServerKey, FlapState>();
        while (reader.Read())
        {
            var key = new ServerKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            var flapping = reader.GetInt64(4) != 0;
            if (!flapping && !servers.Contains(key) && backends?.Contains(new BackendKey(key.Host, key.Proxy)) != true)
            {
                continue;
            }
            var changes = reader.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(s, CultureInfo.InvariantCulture))).ToList();
            states[key] = new FlapState(key, changes, flapping,
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                !reader.IsDBNull(6) && EventKinds.TryParse(reader.GetString(6), out var kind) ? kind : null);
        }
        return states;
    }

    public static void Save(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<FlapState> states)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO alert_flap_state (host, proxy, server, changes, flapping, last_change_ms, last_kind)
            VALUES ($host, $proxy, $server, $changes, $flapping, $last, $kind)
            ON CONFLICT (host, proxy, server) DO UPDATE SET changes = excluded.changes, flapping = excluded.flapping,
                last_change_ms = excluded.last_change_ms, last_kind = excluded.last_kind
            """;
        foreach (var state in states)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$host", state.Server.Host);
            command.Parameters.AddWithValue("$proxy", state.Server.Proxy);
            command.Parameters.AddWithValue("$server", state.Server.Server);
            command.Parameters.AddWithValue("$changes", string.Join(',', state.Changes.Select(c => c.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))));
            command.Parameters.AddWithValue("$flapping", state.Flapping ? 1 : 0);
            command.Parameters.AddWithValue("$last", (object?)state.LastChange?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$kind", state.LastKind is { } kind ? EventKinds.NameOf(kind) : DBNull.Value);
            command.ExecuteNonQuery();
        }
    }
}
