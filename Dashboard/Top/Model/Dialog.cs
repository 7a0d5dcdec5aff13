namespace Dashboard.Top.Model;

/// <summary>Something drawn over the table that takes the keys until it is closed.</summary>
public abstract record Dialog;

/// <summary>y/n before an admin command: shows the exact command that will be sent, and where.</summary>
public sealed record ConfirmDialog(string Endpoint, string Command, string Description) : Dialog;

/// <summary>A reply, a refusal or an error; any key closes it.</summary>
public sealed record MessageDialog(string Title, string Text, bool IsError) : Dialog;

/// <summary>Every key with its meaning, read from the keymap.</summary>
public sealed record HelpDialog : Dialog;

/// <summary>Typing a new weight (0-256) for the selected server.</summary>
public sealed record WeightInputDialog(RowKey Target, string Buffer) : Dialog;
