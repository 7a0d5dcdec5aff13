using System.CommandLine;
using Dashboard.Web.Hosting;

namespace Dashboard.Web;

/// <summary>The <c>web</c> subcommand: the NOC page and its JSON API over the Storage reader.</summary>
public static class WebCommandLine
{
    private static readonly Option<string?> Database = new("--db") { Description = "The Collector's collector.db (Dashboard:CollectorDatabase)." };

    private static readonly Option<string?> AlerterDatabase = new("--alerter-db") { Description = "The Alerter's alerter.db, for events and its health (Dashboard:AlerterDatabase)." };

    private static readonly Option<string?> Urls = new("--urls", "--bind")
    {
        Description = $"Listen URLs, ';'-separated (Dashboard:Urls). Default {WebOptions.DefaultUrls}. Beyond loopback a credential is required.",
    };

    private static readonly Option<string?> CollectorInterval = new("--collector-interval")
    {
        Description = "The Collector's poll interval, hh:mm:ss (Dashboard:CollectorInterval): data older than three of these is shown as stale. Default 00:00:10.",
    };

    private static readonly Option<string[]> RetiredHost = new("--retired-host")
    {
        Description = "A host that stopped reporting for good (renamed node, retired LB): hidden from the overview, its history kept (Dashboard:RetiredHosts). Repeat for more.",
    };

    private static readonly Option<FileInfo?> Config = new("--config", "-c")
    {
        Description = "A JSON settings file, read after appsettings.json beside the executable and before the environment (README: Where configuration lives).",
    };

    public static Command Create()
    {
        var command = new Command("web", "Serve the live web page and JSON API over the stored samples and events. Other settings: --Dashboard:Key=value.")
        {
            Database, AlerterDatabase, Urls, CollectorInterval, RetiredHost, Config,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            void Set(string key, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    overrides[$"{WebOptions.Section}:{key}"] = value;
                }
            }
            Set(nameof(WebOptions.CollectorDatabase), parse.GetValue(Database));
            Set(nameof(WebOptions.AlerterDatabase), parse.GetValue(AlerterDatabase));
            Set(nameof(WebOptions.Urls), parse.GetValue(Urls));
            Set(nameof(WebOptions.CollectorInterval), parse.GetValue(CollectorInterval));
            var retired = parse.GetValue(RetiredHost) ?? [];
            for (var i = 0; i < retired.Length; i++)
            {
                Set($"{nameof(WebOptions.RetiredHosts)}:{i}", retired[i]);
            }
            return await WebHostFactory.RunAsync(parse.UnmatchedTokens, overrides, cancellationToken, parse.GetValue(Config)?.FullName);
        });
        return command;
    }
}
