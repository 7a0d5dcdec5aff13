using TestSupport;

namespace Alerter.Tests.Support;

/// <summary>The real <c>alerter</c> executable (<c>alerter.dll</c> copied beside the tests) run with <c>dotnet</c> as a child process.</summary>
public static class AlerterProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "alerter.dll");

    /// <summary>Starts <c>dotnet alerter.dll &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>.</summary>
    public static DotnetProcess Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        DotnetProcess.Start(Dll, arguments, workingDirectory, environment);

    /// <summary>
    /// <c>alerter run --config &lt;file&gt;</c>. A test certificate is trusted the way an operator would trust one:
    /// SSL_CERT_FILE set before the process starts (setting it from inside a process does not work).
    /// </summary>
    public static DotnetProcess Run(string workingDirectory, string configPath, string? trustedCertificate)
    {
        var environment = trustedCertificate is null
            ? null
            : new Dictionary<string, string> { ["SSL_CERT_FILE"] = trustedCertificate };
        return Start(workingDirectory, ["run", "--config", configPath], environment);
    }
}
