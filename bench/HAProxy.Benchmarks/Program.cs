using BenchmarkDotNet.Running;

// Runs the micro-benchmarks chosen on the command line, e.g. `--filter '*StatCsv*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
