namespace HAProxy.Tests.Integration.Proxy;

/// <summary>What a script run produced.</summary>
public sealed record ScriptResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
