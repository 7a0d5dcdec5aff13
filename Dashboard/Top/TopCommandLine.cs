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
    public static Command Create()
    {
        var sockets = new Option<string[]>("--socket", "-s")
        {
            Description = $"Stats socket: a unix path or host:port (repeat for several nodes). Default {TopOptions.DefaultSocket}.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var interval = new Option<TimeSpan>("--interval", "-i")
        {
            Description = "Refresh interval: 2, 2s, 500ms, 1m. Default 2s.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(2),
            CustomParser = result => ParseDuration(result),
        };
        var mode = new Option<TopMode>("--mode", "-m")
        {
            Description = "Start mode: status, traffic, http, errors, cli (or 1-5). Default status.",
            DefaultValueFactory = _ => TopMode.Status,
            CustomParser = result => ParseMode(result),
        };
        var readOnly = new Option<bool>("--read-only", "-r") { Description = "Refuse admin actions and state-changing CLI commands." };
        var filter = new Option<string?>("--filter", "-f") { Description = "Show only proxies matching this pattern (* and ? wildcards)." };

        var command = new Command("top", "HATop-style live view of frontends, backends and servers, with admin actions.")
        {
            sockets, interval, mode, readOnly, filter,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpoints = new List<StatsEndpoint>();
            foreach (var text in parse.GetValue(sockets) is { Length: > 0 } given ? given : [TopOptions.DefaultSocket])
            {
                if (!StatsEndpoint.TryParse(text, out var endpoint, out var error))
                {
                    await Console.Error.WriteLineAsync(error);
                    return 2;
                }
                endpoints.Add(endpoint);
            }
            var options = new TopOptions
            {
                Endpoints = endpoints,
                Interval = parse.GetValue(interval),
                Mode = parse.GetValue(mode),
                ReadOnly = parse.GetValue(readOnly),
                ProxyFilter = parse.GetValue(filter),
            };
            if (options.Validate() is { Count: > 0 } problems)
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

    internal static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0)
            {
                value = TimeSpan.FromSeconds(number * seconds);
                return true;
            }
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain >= 0)
        {
            value = TimeSpan.FromSeconds(plain);
            return true;
        }
        return text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

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
