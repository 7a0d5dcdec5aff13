namespace HAProxy.Stats;

/// <summary>
/// A <c>status</c> cell parsed by structure, not by a list of known strings: a state word, an optional
/// transition <c>step/of</c> (<c>UP 1/3</c> is up and failing checks, <c>DOWN 2/3</c> is down and recovering,
/// with any rise/fall numbers) and an optional parenthesised detail (<c>MAINT (via be/srv)</c>).
/// </summary>
public readonly record struct ServerStatus(ServerState State, int? TransitionStep, int? TransitionOf, string? Detail, string Raw)
{
    /// <summary>True while checks move the server towards the opposite state.</summary>
    public bool IsTransitioning => TransitionStep is not null;

    /// <summary>For tracking servers: the <c>proxy/server</c> this one follows (<c>MAINT (via be/srv)</c>).</summary>
    public string? Via => Detail is not null && Detail.StartsWith("via ", StringComparison.Ordinal) ? Detail[4..] : null;

    /// <summary>
    /// The stored <c>up</c> value: 1 for UP (also while going down), OPEN, FULL, DRAIN, NOLB and no check;
    /// 0 for DOWN (also while coming up), MAINT and stopped; null when the state is not recognised.
    /// </summary>
    public int? Up => State switch
    {
        ServerState.Up or ServerState.Open or ServerState.Full or ServerState.Drain or ServerState.NoLb or ServerState.NoCheck => 1,
        ServerState.Down or ServerState.Maint or ServerState.Stopped => 0,
        _ => null,
    };

    public override string ToString() => Raw;

    public static ServerStatus Parse(ReadOnlySpan<char> text)
    {
        var raw = text.Trim();
        var rest = raw;
        string? detail = null;
        var paren = rest.IndexOf('(');
        if (paren >= 0)
        {
            var close = rest.LastIndexOf(')');
            detail = (close > paren ? rest[(paren + 1)..close] : rest[(paren + 1)..]).Trim().ToString();
            rest = rest[..paren].TrimEnd();
        }

        int? step = null;
        int? of = null;
        var space = rest.LastIndexOf(' ');
        if (space > 0 && TryParseFraction(rest[(space + 1)..], out var s, out var o))
        {
            step = s;
            of = o;
            rest = rest[..space].TrimEnd();
        }

        var state = ParseWord(rest);
        if (state == ServerState.Unknown)
        {
            step = null;
            of = null;
        }
        return new ServerStatus(state, step, of, detail, raw.ToString());
    }

    private static ServerState ParseWord(ReadOnlySpan<char> word) => word switch
    {
        "UP" => ServerState.Up,
        "DOWN" => ServerState.Down,
        "NOLB" => ServerState.NoLb,
        "MAINT" => ServerState.Maint,
        "DRAIN" => ServerState.Drain,
        "no check" => ServerState.NoCheck,
        "OPEN" => ServerState.Open,
        "FULL" => ServerState.Full,
        "STOP" or "STOPPED" or "PAUSED" => ServerState.Stopped,
        _ => ServerState.Unknown,
    };

    private static bool TryParseFraction(ReadOnlySpan<char> text, out int step, out int of)
    {
        step = of = 0;
        var slash = text.IndexOf('/');
        return slash > 0
            && int.TryParse(text[..slash], System.Globalization.NumberStyles.None, null, out step)
            && int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, null, out of);
    }
}
