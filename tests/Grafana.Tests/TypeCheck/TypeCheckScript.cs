using System.Diagnostics;
using Grafana.Tests.Lint;

namespace Grafana.Tests.TypeCheck;

/// <summary>Runs grafana/typecheck/check.sh (tsc against @grafana/schema's Dashboard type) and returns what it said.</summary>
public static class TypeCheckScript
{
    public static string Path => RepositoryRoot.Combine("grafana", "typecheck", "check.sh");

    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string? dashboardsDirectory = null)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path);
        if (dashboardsDirectory is not null)
        {
            info.ArgumentList.Add(dashboardsDirectory);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // tsc on three files takes a few seconds; a loaded machine may take much longer, never minutes.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path} ran for 3 minutes:\n{await stdout}{await stderr}");
        }
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
