namespace HAProxy.Servers;

/// <summary>
/// Parses <c>show servers state</c>: a format version line (<c>1</c>), a <c># </c> header of space-separated
/// names, then one space-separated row per server. Rows with the wrong number of fields are skipped and counted.
/// </summary>
public static class ServersStateParser
{
    public static ServersState Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[]? header = null;
        string? version = null;
        var rows = new List<ServerStateRow>();
        var skipped = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty)
            {
                continue;
            }
            if (version is null && header is null && !line.StartsWith("#"))
            {
                version = line.ToString();
                continue;
            }
            if (line.StartsWith("# "))
            {
                header = line[2..].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            if (header is null)
            {
                skipped++;
                continue;
            }
            var cells = line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != header.Length)
            {
                skipped++;
                continue;
            }
            var values = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                values[header[i]] = cells[i];
            }
            rows.Add(new ServerStateRow(values));
        }
        if (header is null)
        {
            throw new FormatException("Not a 'show servers state' reply: no '# be_id be_name ...' header line.");
        }
        return new ServersState(version ?? "", rows, skipped);
    }
}
