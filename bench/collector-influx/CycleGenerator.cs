using Storage.Samples;

namespace Storage.Influx.Benchmarks;

/// <summary>One poll cycle of <c>haproxy_server</c> samples shaped like the Collector's: 3 tags, ~40 fields.</summary>
public static class CycleGenerator
{
    private static readonly string[] FloatFields =
    [
        "session_rate", "request_rate", "connection_rate", "bytes_in_rate", "bytes_out_rate", "http_1xx_rate", "http_2xx_rate",
        "http_3xx_rate", "http_4xx_rate", "http_5xx_rate", "http_other_rate", "denied_request_rate", "request_error_rate",
        "connection_error_rate", "response_error_rate", "retry_rate", "redispatch_rate", "client_abort_rate", "server_abort_rate",
        "sessions_pct",
    ];

    private static readonly string[] IntegerFields =
    [
        "sessions_current", "sessions_max", "sessions_limit", "queue_current", "queue_max", "weight", "queue_time_ms",
        "connect_time_ms", "response_time_ms", "total_time_ms", "check_duration_ms", "last_change_s", "up", "sessions_total",
        "bytes_in_total", "bytes_out_total", "requests_total", "http_5xx_total",
    ];

    public static IReadOnlyList<Sample> Cycle(int servers, DateTimeOffset timestamp, int seed = 0)
    {
        var samples = new Sample[servers];
        for (var i = 0; i < servers; i++)
        {
            var fields = new List<KeyValuePair<string, FieldValue>>(FloatFields.Length + IntegerFields.Length + 2);
            for (var f = 0; f < FloatFields.Length; f++)
            {
                fields.Add(KeyValuePair.Create(FloatFields[f], FieldValue.Of((i * 31 + f * 7 + seed) % 1000 / 8.0)));
            }
            for (var f = 0; f < IntegerFields.Length; f++)
            {
                fields.Add(KeyValuePair.Create(IntegerFields[f], FieldValue.Of((long)(i * 131 + f * 17 + seed) % 100_000)));
            }
            fields.Add(KeyValuePair.Create("status", FieldValue.Of("UP")));
            fields.Add(KeyValuePair.Create("check_status", FieldValue.Of("L7OK")));
            samples[i] = new Sample(
                "haproxy_server",
                [KeyValuePair.Create("host", "lb1"), KeyValuePair.Create("proxy", $"be_{i / 100:D3}"), KeyValuePair.Create("server", $"srv{i:D5}")],
                fields,
                timestamp);
        }
        return samples;
    }
}
