namespace Dashboard.Top.Update;

/// <summary>I/O the update asks for; the app runs it and posts the outcome back as a message.</summary>
public abstract record TopEffect;

/// <summary>Send a confirmed admin command to one endpoint.</summary>
public sealed record RunAdminCommand(string Endpoint, string Command) : TopEffect;

/// <summary>Send a typed CLI line to one endpoint.</summary>
public sealed record RunCliCommand(string Endpoint, string Command) : TopEffect;
