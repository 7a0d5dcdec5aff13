using Storage.Schema;
using BenchmarkDotNet.Attributes;
using HAProxy.Fields;
using HAProxy.Stats;

namespace HAProxy.Benchmarks.Stats;

/// <summary>
/// Parses a real <c>show stat</c> dump (STAT_DUMP: captured by bench/stat-parse.sh from haproxy 2.6 with
/// 10,000 servers, ~2.3 MB). Target: under 10 ms per parse.
/// </summary>
[MemoryDiagnoser]
public class StatCsvParserBenchmarks
{
    private string _dump = "";
    private int[] _storedColumns = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("STAT_DUMP")
            ?? throw new InvalidOperationException("Set STAT_DUMP to a captured 'show stat' file (bench/stat-parse.sh does).");
        _dump = File.ReadAllText(path);
        var table = StatCsvParser.Parse(_dump);
        _storedColumns = FieldCatalogue.All.Where(f => ProxyColumns.Find(f.Name) is not null)
            .Select(f => table.IndexOf(f.Name)).Where(i => i >= 0).ToArray();
    }

    [Benchmark]
    public int Parse() => StatCsvParser.Parse(_dump).Count;

    /// <summary>What the Collector does each cycle: parse, then read every stored field of every row.</summary>
    [Benchmark]
    public long ParseAndReadStoredFields()
    {
        var table = StatCsvParser.Parse(_dump);
        long sum = 0;
        foreach (var row in table)
        {
            foreach (var column in _storedColumns)
            {
                sum += row.GetInt64(column) ?? 0;
            }
        }
        return sum;
    }
}
