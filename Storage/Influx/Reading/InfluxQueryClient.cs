using System.Net.Http.Headers;
using System.Text.Json;

namespace Storage.Influx.Reading;

/// <summary>
/// InfluxQL over <c>GET /query</c>: InfluxDB 1.x natively, 2.x and 3.x through their v1-compatible query endpoint
/// (2.x needs a DBRP mapping for the bucket; credentials as for writing). Timestamps come back as epoch milliseconds.
/// A failure throws <see cref="InfluxQueryException"/> with the server's message and what to check.
/// </summary>
public sealed class InfluxQueryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly string? _authorization;
    private readonly string _section;

    /// <param name="settingsSection">Where the settings came from (<c>Dashboard:Influx</c>), named in every message.</param>
    public InfluxQueryClient(InfluxOptions options, InfluxCredentials credentials, string settingsSection)
    {
        _options = options;
        _section = settingsSection;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = options.Timeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.Timeout,
            BaseAddress = new Uri(options.Url!.EndsWith('/') ? options.Url : options.Url + "/"),
        };
        _authorization = credentials.AuthorizationHeader(options.Api);
    }

    /// <summary>Runs <paramref name="query"/> (one statement) and returns its series; an empty list when nothing matched.</summary>
    public async Task<IReadOnlyList<InfluxQueryResult>> QueryAsync(string query, string epoch, CancellationToken cancellationToken)
    {
        var database = _options.Api == InfluxApiVersion.V1 ? _options.Database : _options.Bucket;
        var uri = $"query?db={Uri.EscapeDataString(database ?? "")}&epoch={epoch}&q={Uri.EscapeDataString(query)}"
            + (string.IsNullOrEmpty(_options.RetentionPolicy) ? "" : $"&rp={Uri.EscapeDataString(_options.RetentionPolicy)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (_authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(_authorization);
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new InfluxQueryException($"InfluxDB at {_options.Url} cannot be reached ({ex.Message}). Check {_section}:Url and that the server runs.", ex);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                throw new InfluxQueryException($"InfluxDB at {_options.Url} refused the credentials ({(int)response.StatusCode}). Check {_section}:Username and Password, or Token.");
            }
            if (!(response.Content.Headers.ContentType?.MediaType ?? "").Contains("json", StringComparison.Ordinal))
            {
                throw new InfluxQueryException($"{_options.Url} answered {(int)response.StatusCode} with {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not InfluxDB's JSON: is the URL an InfluxDB server?");
            }
            return Parse(body, _options.Url!);
        }
    }

    /// <summary>Pure: the series of a <c>/query</c> JSON answer, or the error it reports.</summary>
    public static IReadOnlyList<InfluxQueryResult> Parse(string body, string url)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var topError))
        {
            throw new InfluxQueryException($"InfluxDB at {url}: {topError.GetString()}");
        }
        var results = new List<InfluxQueryResult>();
        if (!root.TryGetProperty("results", out var statements))
        {
            return results;
        }
        foreach (var statement in statements.EnumerateArray())
        {
            if (statement.TryGetProperty("error", out var error))
            {
                throw new InfluxQueryException($"InfluxDB at {url}: {error.GetString()}");
            }
            if (!statement.TryGetProperty("series", out var series))
            {
                continue;
            }
            foreach (var one in series.EnumerateArray())
            {
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                if (one.TryGetProperty("tags", out var tagObject))
                {
                    foreach (var tag in tagObject.EnumerateObject())
                    {
                        tags[tag.Name] = tag.Value.GetString() ?? "";
                    }
                }
                var columns = one.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
                var rows = one.TryGetProperty("values", out var values)
                    ? values.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.Clone()).ToArray()).ToList()
                    : [];
                results.Add(new InfluxQueryResult(one.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "", tags, columns, rows));
            }
        }
        return results;
    }

    public void Dispose() => _http.Dispose();
}
