namespace Alerter.Journal;

/// <summary>The journalctl command lines of the journal source. Pure.</summary>
public static class JournalctlArguments
{
    /// <summary>The long-lived follower: every matching entry after <paramref name="afterCursor"/> (from the beginning when
    /// null), then new ones as they are written. <c>--no-tail</c>: without it <c>--follow</c> starts 10 lines from the end.</summary>
    public static IReadOnlyList<string> Follow(JournalOptions options, string? afterCursor)
    {
        var arguments = Common(options);
        arguments.Add("--follow");
        arguments.Add("--no-tail");
        if (afterCursor is not null)
        {
            arguments.Add("--after-cursor=" + afterCursor);
        }
        AddMatches(arguments, options);
        return arguments;
    }

    /// <summary>The last matching entry now (for <c>Start=End</c> on first start: its cursor becomes the checkpoint).</summary>
    public static IReadOnlyList<string> Last(JournalOptions options)
    {
        var arguments = Common(options);
        arguments.Add("--lines=1");
        AddMatches(arguments, options);
        return arguments;
    }

    private static List<string> Common(JournalOptions options)
    {
        List<string> arguments = ["--output=json", "--no-pager", "--quiet"];
        if (!string.IsNullOrWhiteSpace(options.Priority))
        {
            arguments.Add("--priority=" + options.Priority);
        }
        if (!string.IsNullOrWhiteSpace(options.Directory))
        {
            arguments.Add("--directory=" + options.Directory);
        }
        foreach (var file in options.Files)
        {
            arguments.Add("--file=" + file);
        }
        return arguments;
    }

    /// <summary>Matches on different fields are ANDed by journalctl; <c>+</c> between them makes them alternatives.</summary>
    private static void AddMatches(List<string> arguments, JournalOptions options)
    {
        var matches = options.EffectiveMatches;
        for (var i = 0; i < matches.Count; i++)
        {
            if (i > 0)
            {
                arguments.Add("+");
            }
            arguments.Add(matches[i]);
        }
    }
}
