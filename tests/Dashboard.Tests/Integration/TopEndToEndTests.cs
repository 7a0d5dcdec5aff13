using System.Text.RegularExpressions;
using TestSupport;

namespace Dashboard.Tests.Integration;

/// <summary>
/// Drives the real <c>dashboard top</c> in tmux against a real HAProxy started here: modes, admin actions
/// with confirmation, a reload, and refusals. Every process and session started is stopped, also on failure.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TopEndToEndTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("dtop");
    private readonly TestHttpBackend _backend1 = new();
    private readonly TestHttpBackend _backend2 = new();
    private readonly int _frontendPort = FreePort.Next();
    private HAProxyProcess _haproxy = null!;

    private string AdminSocket => _directory.Combine("admin.sock");

    private string OperatorSocket => _directory.Combine("oper.sock");

    public async Task InitializeAsync()
    {
        var config = $"""
            global
                stats socket {AdminSocket} mode 600 level admin
                stats socket {OperatorSocket} mode 600 level operator
            defaults
                mode http
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            frontend fe
                bind 127.0.0.1:{_frontendPort}
                default_backend be
            backend be
                server srv1 {_backend1.Address} check inter 200ms rise 1
                server srv2 {_backend2.Address} check inter 200ms rise 1
            """;
        _haproxy = await HAProxyProcess.StartAsync(_directory.Path, config + "\n", AdminSocket);
    }

    public async Task DisposeAsync()
    {
        await _haproxy.DisposeAsync();
        _backend1.Dispose();
        _backend2.Dispose();
        _directory.Dispose();
    }

    private static string Top(string arguments) =>
        $"dotnet {Path.Combine(AppContext.BaseDirectory, "dashboard.dll")} top {arguments}";

    private async Task SendRequestsAsync(int count)
    {
        using var client = new HttpClient();
        for (var i = 0; i < count; i++)
        {
            (await client.GetAsync($"http://127.0.0.1:{_frontendPort}/")).EnsureSuccessStatusCode();
        }
    }

    private static bool Row(string screen, string service, string pattern) =>
        TmuxSession.LineWith(screen, " " + service + " ") is { } line && Regex.IsMatch(line, pattern);

    [Fact]
    public async Task Top_AgainstRealHAProxy_SwitchesModesDisablesEnablesAndShowsTheNewProcessAfterReload()
    {
        using var tmux = TmuxSession.Start(Top($"--socket {AdminSocket} --interval 300ms"));
        await tmux.WaitForAsync(s => s.Contains($"Pid {_haproxy.Pid}") && Row(s, "srv2", @"\bUP\b"), "srv2 UP");

        tmux.Send("2");
        await tmux.WaitForTextAsync("LBTOT");
        tmux.Send("3");
        await tmux.WaitForTextAsync("REQTOT");
        tmux.Send("4");
        await tmux.WaitForTextAsync("CHKDOWN");
        tmux.Send("Tab");
        await tmux.WaitForTextAsync("CLI on ");
        tmux.Send("BTab");
        await tmux.WaitForTextAsync("CHKDOWN");
        tmux.Send("1");
        await tmux.WaitForTextAsync("SCUR");

        // Rows: fe/FRONTEND, be/srv1, be/srv2, be/BACKEND.
        tmux.Send("Down", "Down", "d");
        await tmux.WaitForTextAsync("set server be/srv2 state maint");
        tmux.Send("y");
        await tmux.WaitForAsync(s => Row(s, "srv2", @"\bMAINT\b"), "srv2 in MAINT");
        (await RawStatsSocket.SendAsync(AdminSocket, "show stat")).ShouldContain("be,srv2,0,0,0,0,,0,0,0,,0,,0,0,0,0,MAINT");

        tmux.Send("e");
        await tmux.WaitForTextAsync("set server be/srv2 state ready");
        tmux.Send("y");
        await tmux.WaitForAsync(s => Row(s, "srv2", @"\bUP\b"), "srv2 back UP");

        await SendRequestsAsync(3);
        await tmux.WaitForAsync(s => Row(s, "BACKEND", @" 3\s*$"), "the first process's backend session count (3)");
        var oldPid = _haproxy.Pid;
        await _haproxy.ReloadAsync();
        var newPid = _haproxy.Pid;
        newPid.ShouldNotBe(oldPid);
        await tmux.WaitForTextAsync($"Pid {newPid}  (was {oldPid},");
        await SendRequestsAsync(7);
        // STATUS mode ends with STOT: the new process counts the 7 backend sessions from zero (the old one would say 3 or 10).
        await tmux.WaitForAsync(s => Row(s, "BACKEND", @" 7\s*$"), "the new process's backend session count (7)");

        tmux.Send("q");
        await tmux.WaitForAsync(_ => tmux.IsDead(), "the program exit");
    }

    [Fact]
    public async Task Top_ReadOnlyOrOperatorSocket_RefusesAdminActions()
    {
        using (var readOnly = TmuxSession.Start(Top($"--socket {AdminSocket} --read-only --interval 300ms")))
        {
            await readOnly.WaitForAsync(s => Row(s, "srv1", @"\bUP\b"), "srv1");
            readOnly.Send("Down", "d");
            await readOnly.WaitForTextAsync("Read-only mode (--read-only): admin actions are disabled.");
        }

        using var operatorLevel = TmuxSession.Start(Top($"--socket {OperatorSocket} --interval 300ms"));
        await operatorLevel.WaitForAsync(s => Row(s, "srv1", @"\bUP\b"), "srv1");
        operatorLevel.Send("Down", "d");
        await operatorLevel.WaitForTextAsync("level 'operator', not admin");
        (await RawStatsSocket.SendAsync(AdminSocket, "show stat")).ShouldNotContain("MAINT");
    }
}
