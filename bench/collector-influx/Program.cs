using BenchmarkDotNet.Running;
using Storage.Influx.Benchmarks;

// `sustain --url URL [--minutes 10] [--servers 10000] [--interval 10] [--spool DIR]`: a real sink at a real
// InfluxDB for N minutes (see sustain.sh); anything else goes to BenchmarkDotNet, e.g. `--filter '*Encoder*'`.
if (args.Length > 0 && args[0] == "sustain")
{
    return await SustainRun.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(EncoderBenchmarks).Assembly).Run(args);
return 0;
