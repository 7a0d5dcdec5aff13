using Alerter.Dispatch;
using Alerter.Hosting;
using Alerter.Logs;
using Alerter.Messages.Context;
using Alerter.Sending;
using Alerter.Sending.Outbox;
using Alerter.Store;
using Storage.Events;
using System.Globalization;
using HAProxy.Logs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerter.Tests.Integration.Sending;

/// <summary>
/// The delivery side in-process, wired by <see cref="DeliveryRegistration.AddAlerterDelivery"/> with a real SQLite
/// database. Events go in as real HAProxy log lines (RFC 5424, as <c>log ... format rfc5424</c> writes them),
/// parsed by the real parser and written through the scanners' event store (SqliteEventStore); then the dispatcher and the runner run
/// as the Quartz jobs would, every 100 ms.
/// </summary>
public sealed class DeliveryHarness : IDisposable
{
    public const string Host = "lb1";
    private readonly ServiceProvider _services;

    /// <param name="configure">Extra registrations, e.g. an <c>IAlertContextSource</c> the product leaves to the Storage side.</param>
    public DeliveryHarness(string directory, IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions<AlerterStoreOptions>().Configure(o => o.DataDirectory = directory);
        services.AddAlerterDelivery(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public SqliteConnection Open() => Get<IDeliveryDatabase>().Open();

    /// <summary>An RFC 5424 line as HAProxy 2.6 writes it, with millisecond time.</summary>
    public static string Line(DateTimeOffset time, int priority, string message)
        => $"<{priority}>1 {time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00:00 - haproxy 6085 - - {message}";

    /// <summary>Parses and stores lines the way the log-scan job does (INSERT OR IGNORE by idempotency key).</summary>
    public int InsertLines(params string[] lines)
    {
        var rows = new List<EventRow>();
        var now = DateTimeOffset.UtcNow;
        foreach (var line in lines)
        {
            LogLineParser.TryParse(line, new LogParseContext(now, TimeSpan.Zero), out var e).ShouldBe(LogLineOutcome.Event, line);
            rows.Add(new EventRow(EventKey.Base(Host, e!), Host, e!, now, line, "test.log"));
        }
        return InsertRows(rows);
    }

    public int InsertRows(IReadOnlyList<EventRow> rows)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var inserted = new Storage.Sqlite.SqliteEventStore(connection, transaction).Append(rows);
        transaction.Commit();
        return inserted;
    }

    /// <summary>One dispatch and one delivery run, as the two jobs do.</summary>
    public async Task StepAsync()
    {
        await Get<AlertDispatcher>().DispatchOnceAsync();
        await Get<DeliveryRunner>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Runs the jobs every 100 ms until the outbox has no pending row and no event is undispatched.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await StepAsync();
            if (Get<IOutboxStatus>().Read().Pending == 0 && Scalar("SELECT COUNT(*) FROM haproxy_event WHERE dispatched = 0") == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"outbox not drained within {timeout}: {Get<IOutboxStatus>().Read()}");
            }
            await Task.Delay(100);
        }
    }

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _services.Dispose();
}
