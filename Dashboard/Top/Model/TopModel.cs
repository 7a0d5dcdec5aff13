namespace Dashboard.Top.Model;

/// <summary>
/// Everything the screen shows. Immutable: update functions return a changed copy. <see cref="Rows"/> is the
/// filtered, sorted list of displayed rows, recomputed when data, filter or sort change; the view computes
/// cells only for the rows that fit the screen.
/// </summary>
public sealed record TopModel
{
    public TopMode Mode { get; init; } = TopMode.Status;

    /// <summary>The endpoints, in command-line order.</summary>
    public IReadOnlyList<NodeState> Nodes { get; init; } = [];

    /// <summary>Displayed rows after filter and sort.</summary>
    public IReadOnlyList<RowRef> Rows { get; init; } = [];

    /// <summary>Index into <see cref="Rows"/> of the selected row.</summary>
    public int Selected { get; init; }

    /// <summary>Index into <see cref="Rows"/> of the first row on screen.</summary>
    public int Top { get; init; }

    /// <summary>The selected row's identity, so selection follows the server across refreshes.</summary>
    public RowKey? SelectedKey { get; init; }

    public SortSpec Sort { get; init; }

    /// <summary>The applied <c>/</c> filter: a substring of proxy, service or status (case-insensitive); empty = all.</summary>
    public string Filter { get; init; } = "";

    /// <summary>The filter being typed after <c>/</c>; null when not typing.</summary>
    public string? FilterDraft { get; init; }

    /// <summary>The <c>--filter</c> proxy pattern (<c>*</c> and <c>?</c> wildcards); null = all proxies.</summary>
    public string? ProxyPattern { get; init; }

    /// <summary><c>--read-only</c>: admin actions and non-read CLI commands are refused.</summary>
    public bool ReadOnly { get; init; }

    public Dialog? Dialog { get; init; }

    public CliState Cli { get; init; } = CliState.Empty;

    public int Width { get; init; } = 80;

    public int Height { get; init; } = 24;

    /// <summary>A short note for the status line (last action, refusal).</summary>
    public string? Notice { get; init; }

    public bool QuitRequested { get; init; }

    public static TopModel Create(IEnumerable<string> endpoints, TopMode mode = TopMode.Status, bool readOnly = false, string? proxyPattern = null) => new()
    {
        Nodes = endpoints.Select(NodeState.Connecting).ToArray(),
        Mode = mode,
        ReadOnly = readOnly,
        ProxyPattern = string.IsNullOrWhiteSpace(proxyPattern) ? null : proxyPattern,
    };
}
