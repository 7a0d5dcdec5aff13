using Dashboard.Top.Model;

namespace Dashboard.Top.Update;

/// <summary>Everything that changes the model: commands from keys, and events from pollers and effects.</summary>
public abstract record TopMessage;

// Commands (from the keymap)
public sealed record SwitchMode(TopMode Mode) : TopMessage;
public sealed record CycleMode(int Direction) : TopMessage;
public sealed record MoveSelection(int Delta) : TopMessage;
public sealed record MovePage(int Direction) : TopMessage;
public sealed record MoveToEdge(bool End) : TopMessage;
public sealed record ShowHelp : TopMessage;
public sealed record CloseDialog : TopMessage;
public sealed record Quit : TopMessage;
public sealed record CycleSort(int Direction) : TopMessage;
public sealed record ReverseSort : TopMessage;
public sealed record StartFilter : TopMessage;
public sealed record TextInput(char Character) : TopMessage;
public sealed record TextBackspace : TopMessage;
public sealed record TextSubmit : TopMessage;
public sealed record TextCancel : TopMessage;
public sealed record RequestAdmin(AdminAction Action) : TopMessage;
public sealed record StartWeightInput : TopMessage;
public sealed record Confirm(bool Yes) : TopMessage;
public sealed record CliHistory(int Direction) : TopMessage;
public sealed record CliScroll(int Lines) : TopMessage;

// Events
public sealed record SnapshotArrived(NodeSnapshot Snapshot) : TopMessage;
public sealed record PollFailed(string Endpoint, string Error, DateTimeOffset At) : TopMessage;
public sealed record Resized(int Width, int Height) : TopMessage;
public sealed record AdminReplied(string Endpoint, string Command, bool Succeeded, string Reply) : TopMessage;
public sealed record CliReplied(string Endpoint, string Command, string Reply, bool Failed) : TopMessage;

/// <summary>A key from the terminal; the update resolves it through the <see cref="Input.Keymap"/>.</summary>
public sealed record KeyPressed(ConsoleKeyInfo Key) : TopMessage;
