using System.Text.Json;

namespace Dashboard.Web.Tests.Support;

/// <summary>Reads server-sent events (<c>event:</c> + <c>data:</c> lines) from an open response stream.</summary>
public sealed class SseReader(Stream stream)
{
    private readonly StreamReader _reader = new(stream);

    public async Task<(string Type, JsonElement Data)> NextAsync(CancellationToken cancellationToken)
    {
        string? type = null, data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (type is not null && data is not null)
                {
                    return (type, JsonDocument.Parse(data).RootElement.Clone());
                }
                continue;
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }
    }

    /// <summary>Reads events until one satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var (t, data) = await NextAsync(cts.Token);
            if (t == type && match(data))
            {
                return data;
            }
        }
    }
}
