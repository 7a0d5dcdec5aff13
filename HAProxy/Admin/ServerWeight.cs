namespace HAProxy.Admin;

/// <summary>A server's weight as <c>get weight</c> reports it: <c>Current (initial Initial)</c>.</summary>
public readonly record struct ServerWeight(int Current, int Initial)
{
    /// <summary>Parses <c>"1 (initial 1)"</c>; false for anything else (e.g. <c>No such server.</c>).</summary>
    public static bool TryParse(string reply, out ServerWeight weight)
    {
        weight = default;
        var text = reply.Trim();
        var open = text.IndexOf(" (initial ", StringComparison.Ordinal);
        if (open <= 0 || !text.EndsWith(')'))
        {
            return false;
        }
        if (int.TryParse(text.AsSpan(0, open), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var current)
            && int.TryParse(text.AsSpan(open + " (initial ".Length, text.Length - open - " (initial ".Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var initial))
        {
            weight = new ServerWeight(current, initial);
            return true;
        }
        return false;
    }
}
