using System.Diagnostics;
using System.Globalization;
using Dashboard.Web.Benchmarks;

// api <collector.db> [iterations=100]            p50/p95 of the API over a store (the storage-reader bench's 1,000 x 24 h)
// browser <servers=10000> [seconds=30]           first render in Chromium, then browser CPU while a poll lands every 2 s
// watch <servers=1000> [browsers=5] [seconds=60] dashboard web's CPU and RSS while browsers watch the overview live
// guess [wrong=200] [concurrency=8] [attempts]   password guessing (attempts: Dashboard:Auth:AttemptsPerMinute): the page's CPU, 401/429, a colleague's p95 meanwhile
// streams [clients=200] [seconds=60]             dashboard web's CPU and RSS with that many event streams open
var mode = args.Length > 0 ? args[0] : "";
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
return mode switch
{
    "api" => await ApiBench.RunAsync(args[1], Arg(2, 100)),
    "browser" => await BrowserBench.RunAsync(Arg(1, 10_000), Arg(2, 30)),
    "watch" => await WatchBench.RunAsync(Arg(1, 1000), Arg(2, 5), Arg(3, 60)),
    "guess" => await GuessBench.RunAsync(Arg(1, 200), Arg(2, 8), Arg(3, 0)),
    "streams" => await StreamsBench.RunAsync(Arg(1, 200), Arg(2, 60)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: api <collector.db> [iterations] | browser [servers] [seconds] | watch [servers] [browsers] [seconds] | guess [wrong] [concurrency] [attempts-per-minute] | streams [clients] [seconds]");
    return 2;
}
