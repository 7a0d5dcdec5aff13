using System.CommandLine;
using Dashboard.Top;
using Dashboard.Web;

namespace Dashboard.Cli;

/// <summary>The <c>dashboard</c> executable: one root command, one subcommand per feature.</summary>
public static class DashboardCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("HAProxy dashboard: 'top' is a live terminal viewer of one or more stats sockets; 'web' serves a live page and JSON API over the stored samples and events.");
        root.Add(TopCommandLine.Create());
        root.Add(WebCommandLine.Create());
        root.Add(HashPasswordCommandLine.Create());
        return root;
    }
}
