using System.CommandLine;
using Dashboard.Top;

namespace Dashboard.Cli;

/// <summary>The <c>dashboard</c> executable: one root command, one subcommand per feature.</summary>
public static class DashboardCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("HAProxy dashboard: 'top' is a live terminal viewer of one or more stats sockets.");
        root.Add(TopCommandLine.Create());
        return root;
    }
}
