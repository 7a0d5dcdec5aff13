using System.CommandLine;

namespace Alerter.Commands;

/// <summary>
/// The <c>alerter</c> command line: <c>run</c> (default), <c>status</c>, <c>backfill</c>, <c>test-email</c>.
/// Tokens the commands do not know (<c>--Alerter:Logs:Interval=00:00:01</c>) go to the host configuration.
/// </summary>
public static class AlerterCli
{
    public static RootCommand Build()
    {
        var config = new Option<FileInfo?>("--config", "-c")
        {
            Description = "A JSON settings file, read after appsettings.json and before the environment.",
            Recursive = true,
        };
        var root = new RootCommand("HAProxy alerter: scans HAProxy logs for server state changes and delivers alerts.");
        root.Options.Add(config);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, token) => RunCommand.RunAsync(parse, config, token));
        root.Subcommands.Add(RunCommand.Create(config));
        root.Subcommands.Add(StatusCommand.Create(config));
        root.Subcommands.Add(BackfillCommand.Create(config));
        root.Subcommands.Add(TestEmailCommandLine.Create(config));
        return root;
    }
}
