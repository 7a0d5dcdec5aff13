using System.Diagnostics;
using TestSupport;

namespace Alerter.Tests.Support;

/// <summary>
/// A private PostgreSQL 15 (Debian's binaries): <c>initdb</c> and <c>pg_ctl</c> in a temp directory, as the
/// <c>postgres</c> user when the tests run as root, listening on 127.0.0.1 on a free port with its unix socket in
/// the temp directory. Dispose stops it with <c>pg_ctl -m fast stop</c> (also after a failed test).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly TempDirectory _directory;
    private bool _started;

    private PostgresServer(TempDirectory directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => _directory.Combine("data");

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=10";

    public static PostgresServer Start()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"{BinDirectory}/initdb is missing: install Debian's postgresql-15 package (./test.sh does).");
        }
        var directory = new TempDirectory("apg");
        var server = new PostgresServer(directory, FreePort.Next());
        try
        {
            if (IsRoot)
            {
                Run("chown", ["postgres:postgres", directory.Path], asPostgres: false);
            }
            Run(Path.Combine(BinDirectory, "initdb"), ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"], IsRoot);
            var options = $"-c listen_addresses=127.0.0.1 -p {server.Port} -c unix_socket_directories={directory.Path} -c fsync=off -c max_connections=50";
            Run(Path.Combine(BinDirectory, "pg_ctl"), ["-D", server.DataDirectory, "-o", options, "-l", directory.Combine("pg.log"), "-w", "-t", "30", "start"], IsRoot);
            server._started = true;
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public string ReadServerLog()
    {
        var log = _directory.Combine("pg.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void Run(string file, IEnumerable<string> arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                info.ArgumentList.Add(prefix);
            }
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{file} did not finish within 60 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }
    }

    public void Dispose()
    {
        if (_started)
        {
            try
            {
                Run(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], IsRoot);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // Already stopped (or never answered): nothing more to stop.
            }
            _started = false;
        }
        _directory.Dispose();
    }
}
