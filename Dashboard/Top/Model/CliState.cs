namespace Dashboard.Top.Model;

/// <summary>The CLI screen: the line being typed, earlier commands, and the replies so far.</summary>
/// <param name="Input">The line being typed.</param>
/// <param name="History">Commands sent, oldest first.</param>
/// <param name="HistoryIndex">Position while browsing history with Up/Down; -1 when editing a new line.</param>
/// <param name="Scrollback">Prompt lines and reply lines, oldest first (capped at <see cref="MaxScrollback"/>).</param>
/// <param name="ScrollOffset">Lines scrolled up from the bottom (0 = newest at the bottom).</param>
/// <param name="Busy">A command is on its way; input is kept until the reply arrives.</param>
public sealed record CliState(
    string Input,
    IReadOnlyList<string> History,
    int HistoryIndex,
    IReadOnlyList<string> Scrollback,
    int ScrollOffset,
    bool Busy)
{
    public const int MaxScrollback = 5000;
    public const int MaxHistory = 500;

    public static CliState Empty { get; } = new("", [], -1, [], 0, false);
}
