using HAProxy.Sockets;
using Xunit.Abstractions;

namespace HAProxy.Tests.Integration.Sockets;

/// <summary>
/// Permission denied, for real. As root (this machine), root bypasses file modes, so the client's connect runs
/// on a thread whose filesystem uid is nobody (see <see cref="FsUser"/>) against HAProxy's `mode 600` root-owned
/// socket; as an ordinary user the socket file is made mode 000 instead.
/// </summary>
[Trait("Category", "Integration")]
[Collection(NonParallelCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StatsSessionPermissionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ExecuteAsync_SocketNotAccessibleToUser_ThrowsPermissionDeniedNamingUserOwnerAndMode()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));
        StatsSocketException? error;
        string expectedUser;
        if (Environment.UserName == "root")
        {
            expectedUser = "nobody";
            error = FsUser.Run(FsUser.Nobody, FsUser.Nobody, () => Capture(session));
        }
        else
        {
            expectedUser = Environment.UserName;
            File.SetUnixFileMode(bed.AdminSocket, UnixFileMode.None);
            error = Capture(session);
        }

        output.WriteLine(error?.Message ?? "(no error)");
        error.ShouldNotBeNull().Error.ShouldBe(StatsSocketError.PermissionDenied);
        error.Message.ShouldContain($"runs as user {expectedUser}");
        error.Message.ShouldContain($"owned by {Environment.UserName}:");
        error.Message.ShouldContain("mode 6");
        error.Message.ShouldContain($"stats socket {bed.AdminSocket} mode 660 group");
        // The same session works for a user who may open the socket.
        if (Environment.UserName == "root")
        {
            (await session.ExecuteAsync("show cli level")).ShouldBe("admin\n");
        }
    }

    private static StatsSocketException? Capture(StatsSession session)
    {
        try
        {
            // Synchronous up to connect(2), so the call runs with this thread's credentials.
            session.ExecuteAsync("show info").GetAwaiter().GetResult();
            return null;
        }
        catch (StatsSocketException ex)
        {
            return ex;
        }
    }
}
