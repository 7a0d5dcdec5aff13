using System.Net.Http.Headers;
using Storage.Influx.Spool;

namespace Storage.Influx.Writing;

/// <summary>
/// Writes batches with plain <see cref="HttpClient"/> over <see cref="SocketsHttpHandler"/> (one pooled client for
/// the process). V1: <c>POST /write?db=&amp;rp=&amp;precision=</c> with HTTP basic authentication (never <c>u</c>/<c>p</c>
/// in the URL, which proxies and access logs would record). V2: <c>POST /api/v2/write?org=&amp;bucket=&amp;precision=</c>
/// with <c>Authorization: Token</c>. Gzip-compressed records go out as is with <c>Content-Encoding: gzip</c>.
/// </summary>
public sealed class InfluxHttpWriter : IInfluxWriter, IDisposable
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly Uri _writeUri;
    private readonly string? _authorization;

    public InfluxHttpWriter(InfluxOptions options, InfluxCredentials credentials)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        {
            Timeout = options.Timeout,
        };
        _writeUri = BuildWriteUri(options);
        _authorization = credentials.AuthorizationHeader(options.Api);
    }

    /// <summary>The write URL for <paramref name="options"/> (contains no secret).</summary>
    public static Uri BuildWriteUri(InfluxOptions options)
    {
        var precision = LineProtocolEncoder.PrecisionParameter(options.Precision);
        var query = options.Api == InfluxApiVersion.V1
            ? $"write?db={Uri.EscapeDataString(options.Database ?? "")}"
              + (string.IsNullOrEmpty(options.RetentionPolicy) ? "" : $"&rp={Uri.EscapeDataString(options.RetentionPolicy)}")
              + $"&precision={(precision == "us" ? "u" : precision)}"
            : $"api/v2/write?org={Uri.EscapeDataString(options.Org ?? "")}&bucket={Uri.EscapeDataString(options.Bucket ?? "")}&precision={precision}";
        return new Uri(BaseUri(options), query);
    }

    public async Task<InfluxWriteResult> WriteAsync(SpoolRecord record, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri);
        var content = new ByteArrayContent(record.Payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        if (record.Gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }
        request.Content = content;
        return await SendAsync(request, (status, body) => InfluxResponseClassifier.Classify(status, body, record.Points), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = (_options.Database ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(_options), "query"))
        {
            Content = new FormUrlEncodedContent([new("q", $"CREATE DATABASE \"{name}\"")]),
        };
        // CREATE DATABASE answers 200 with a JSON body, unlike a write.
        var result = await SendAsync(request, (status, _) => status == 200 ? new InfluxWriteResult(InfluxWriteOutcome.Written, status, 0, null) : InfluxResponseClassifier.Classify(status, null, 0), cancellationToken)
            .ConfigureAwait(false);
        return result.Outcome == InfluxWriteOutcome.Written;
    }

    private async Task<InfluxWriteResult> SendAsync(HttpRequestMessage request, Func<int, string?, InfluxWriteResult> classify, CancellationToken cancellationToken)
    {
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var body = status == 204 ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return classify(status, body);
        }
        catch (HttpRequestException ex)
        {
            return new InfluxWriteResult(InfluxWriteOutcome.Unavailable, null, 0, ex.InnerException?.Message ?? ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new InfluxWriteResult(InfluxWriteOutcome.Unavailable, null, 0, $"no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
    }

    private static Uri BaseUri(InfluxOptions options)
    {
        var url = options.Url!;
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }

    public void Dispose() => _http.Dispose();
}
