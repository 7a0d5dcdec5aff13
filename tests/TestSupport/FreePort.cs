using System.Net;
using System.Net.Sockets;

namespace TestSupport;

/// <summary>
/// Free loopback TCP ports that stay reserved for this test process until it exits.
/// <para>
/// Why not bind port 0 and hand that port on: the kernel may give the same port to the next bind(0) as soon as
/// it is released. A test that stops its server for a while (the 2-minute InfluxDB outage) then saw another
/// test's HTTP server take its port and answer the writes meant for InfluxDB with 2xx: points counted as written
/// that no InfluxDB ever stored. So ports come from below the kernel's ephemeral range (32768+, never picked by
/// bind(0) or outgoing connections), and each is reserved across the parallel test processes with an exclusive
/// lock file, which the kernel releases when the process exits, however it exits.
/// </para>
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly object Gate = new();
    private static readonly List<FileStream> Reservations = [];
    private static readonly string LockDirectory = Path.Combine(Path.GetTempPath(), $"monitoring-test-ports-{Environment.UserName}");

    static FreePort()
    {
        // Leave no lock files behind; the locks themselves go with the process anyway.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Gate)
            {
                foreach (var reservation in Reservations)
                {
                    File.Delete(reservation.Name);
                    reservation.Dispose();
                }
            }
        };
    }

    /// <summary>One reserved free port.</summary>
    public static int Next() => NextRange(1);

    /// <summary>The first of <paramref name="count"/> consecutive reserved free ports.</summary>
    public static int NextRange(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (Gate)
        {
            Directory.CreateDirectory(LockDirectory);
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var start = Random.Shared.Next(First, Last - count);
                var locks = new List<FileStream>();
                foreach (var port in Enumerable.Range(start, count))
                {
                    if (TryReserve(port) is not { } reservation)
                    {
                        break;
                    }
                    locks.Add(reservation);
                }
                if (locks.Count == count)
                {
                    Reservations.AddRange(locks);
                    return start;
                }
                locks.ForEach(l => l.Dispose());
            }
        }
        throw new InvalidOperationException(
            $"No {count} consecutive free loopback ports between {First} and {Last} that no other test process holds ({LockDirectory}).");
    }

    private static FileStream? TryReserve(int port)
    {
        FileStream reservation;
        try
        {
            // FileShare.None is an exclusive flock on Linux: a second holder, in any process, gets an IOException.
            reservation = new FileStream(Path.Combine(LockDirectory, $"{port}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        if (IsBindable(port))
        {
            return reservation;
        }
        reservation.Dispose();
        return null;
    }

    private static bool IsBindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
