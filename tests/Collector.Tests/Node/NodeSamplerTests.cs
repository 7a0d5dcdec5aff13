using Collector.Node;
using Storage.Samples;

namespace Collector.Tests.Node;

public class NodeSamplerTests
{
    private sealed class FakeProc : IProcFiles
    {
        public Dictionary<string, string> Files { get; } = [];

        public string Read(string path) => Files.TryGetValue(path, out var text) ? text : throw new FileNotFoundException(path);
    }

    private const string MemInfo = "MemTotal:        8000000 kB\nMemFree:          100000 kB\nMemAvailable:    2000000 kB\n";

    [Fact]
    public void Sample_TwoReadings_CpuPctFromDeltas()
    {
        var proc = new FakeProc();
        proc.Files["/proc/loadavg"] = "0.52 0.58 0.59 2/345 12345\n";
        proc.Files["/proc/meminfo"] = MemInfo;
        proc.Files["/proc/stat"] = "cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3 4\n";
        var sampler = new NodeSampler(proc);

        var first = sampler.Sample("node1", DateTimeOffset.UnixEpoch);
        proc.Files["/proc/stat"] = "cpu  150 0 150 750 150 0 0 0 0 0\n";
        var second = sampler.Sample("node1", DateTimeOffset.UnixEpoch.AddSeconds(10));

        first.GetField("cpu_pct").ShouldBeNull();
        second.GetField("cpu_pct")!.Value.Number.ShouldBe(50.0);
        second.GetField("load1").ShouldBe(FieldValue.Of(0.52));
        second.GetField("load15").ShouldBe(FieldValue.Of(0.59));
        second.GetField("mem_used_pct")!.Value.Number.ShouldBe(75.0);
        second.Measurement.ShouldBe("system");
        second.GetTag("host").ShouldBe("node1");
    }

    [Fact]
    public void Sample_UnreadableFiles_LeavesFieldsOut()
    {
        var sample = new NodeSampler(new FakeProc()).Sample("n", DateTimeOffset.UnixEpoch);

        sample.Fields.ShouldBeEmpty();
    }

    [Fact]
    public void Sample_RealProc_HasLoadAndMemory()
    {
        var sample = new NodeSampler(new ProcFiles()).Sample("n", DateTimeOffset.UnixEpoch);

        sample.GetField("load1").ShouldNotBeNull();
        sample.GetField("mem_used_pct")!.Value.Number.ShouldBeInRange(0.0, 100.0);
    }

    [Fact]
    public void BusyPercent_CountersWentBack_Null()
    {
        CpuTimes.BusyPercent(new CpuTimes(100, 1000), new CpuTimes(50, 900)).ShouldBeNull();
    }

    [Fact]
    public void ParseLoadAverage_Garbage_Null()
    {
        NodeReadings.ParseLoadAverage("not a loadavg").ShouldBeNull();
    }
}
