using System.Security.Cryptography;
using System.Text;
using Quartz;

namespace Alerter.Scheduling;

/// <summary>Quartz keys of the log jobs. A file's job name is a hash of its path (paths can exceed key columns).</summary>
public static class LogJobKeys
{
    public const string Group = "log-scan";

    public static readonly JobKey Discovery = new("log-discovery", "alerter");

    public static JobKey ForFile(string path)
        => new("scan-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path))[..10]), Group);

    public static TriggerKey TriggerFor(JobKey job) => new(job.Name, job.Group);
}
