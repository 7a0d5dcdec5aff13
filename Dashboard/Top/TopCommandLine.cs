using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Dashboard.Top.Model;
using Dashboard.Top.Terminal;
using HAProxy.Sockets;

namespace Dashboard.Top;

/// <summary>The <c>top</c> subcommand: options, their parsing and validation, and the action that runs the viewer.</summary>
public static class TopCommandLine
{
    private static readonly Option<string[]> Sockets = new("--socket", "-s")
    {
        Description = $"Stats socket: a unix path or host:port (repeat for several nodes). Default {TopOptions.DefaultSocket}.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<TimeSpan> Interval = new("--interval", "-i")
    {
        Description = "Refresh interval: 2, 2s, 500ms, 1m. Default 2s.",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(2),
        CustomParser = ParseDuration,
    };

    private static readonly Option<TopMode> Mode = new("--mode", "-m")
    {
        Description = "Start mode: status, traffic, http, errors, cli (or 1-5). Default status.",
        DefaultValueFactory = _ => TopMode.Status,
        CustomParser = ParseMode,
    };

    private static readonly Option<bool> ReadOnly = new("--read-only", "-r")
    {
        Description = "Refuse admin actions and state-changing CLI commands.",
    };

    private static readonly Option<string?> Filter = new("--filter", "-f")
    {
        Description = "Show only proxies matching this pattern (* and ? wildcards).",
    };

    public static Command Create()
    {
        var command = new Command("top", "HATop-style live view of frontends, backends and servers, with admin actions.")
        {
            Sockets, Interval, Mode, ReadOnly, Filter,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = Bind(parse, out var problems);
            if (options is null)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return 2;
            }
            return await new TopApp(options).RunAsync(cancellationToken);
        });
        return command;
    }

    /// <summary>The options of a parsed <c>top</c> command line, or null with the problems to show.</summary>
    internal static TopOptions? Bind(ParseResult parse, out IReadOnlyList<string> problems)
    {
        var endpoints = new List<StatsEndpoint>();
        var errors = new List<string>();
        foreach (var text in parse.GetValue(Sockets) is { Length: > 0 } given ? given : [TopOptions.DefaultSocket])
        {
            if (StatsEndpoint.TryParse(text, out var endpoint, out var error))
            {
                endpoints.Add(endpoint);
            }
            else
            {
                errors.Add(error);
            }
        }
        var options = new TopOptions
        {
            Endpoints = endpoints,
            Interval = parse.GetValue(Interval),
            Mode = parse.GetValue(Mode),
            ReadOnly = parse.GetValue(ReadOnly),
            ProxyFilter = parse.GetValue(Filter),
        };
        errors.AddRange(options.Validate());
        problems = errors;
        return errors.Count == 0 ? options : null;
    }

    /// <summary>Seconds as a number, or a number with ms, s, m or h; also hh:mm:ss.</summary>
    internal static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        if (TryParseDuration(text, out var value))
        {
            return value;
        }
        result.AddError($"'{text}' is not a duration: use 2, 2s, 500ms or 1m.");
        return default;
    }

    /// <summary>The executable's one duration grammar (<see cref="Shared.DurationText"/>), shared with the web API.</summary>
    internal static bool TryParseDuration(string text, out TimeSpan value) => Shared.DurationText.TryParse(text, out value);

    internal static TopMode ParseMode(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        if (int.TryParse(text, out var number) && Enum.IsDefined((TopMode)number))
        {
            return (TopMode)number;
        }
        if (Enum.TryParse<TopMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode))
        {
            return mode;
        }
        result.AddError($"'{text}' is not a mode: use status, traffic, http, errors or cli (or 1-5).");
        return TopMode.Status;
    }
}
