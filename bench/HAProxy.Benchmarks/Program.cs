using BenchmarkDotNet.Running;
using HAProxy.Benchmarks.Logs;

// Plain commands first (used by bench/*.sh), then the micro-benchmarks chosen on the command line, e.g. `--filter '*StatCsv*'`.
switch (args)
{
    case ["scan-log", var file]:
        return await ScanLogCommand.ScanAsync(file);
    case ["gen-log", var file, ..]:
        return ScanLogCommand.Generate(file, args.Length > 2 ? long.Parse(args[2]) : 1024);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
