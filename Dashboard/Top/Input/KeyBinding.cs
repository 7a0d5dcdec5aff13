using Dashboard.Top.Update;

namespace Dashboard.Top.Input;

/// <summary>One key (or a few equivalent keys), its help text and the command it sends.</summary>
/// <param name="Label">How the help screen names the key(s): <c>Tab</c>, <c>d / F10</c>.</param>
/// <param name="Help">What it does.</param>
/// <param name="Matches">Whether a pressed key is this binding.</param>
/// <param name="Command">The message sent to the update.</param>
public sealed record KeyBinding(string Label, string Help, Func<ConsoleKeyInfo, bool> Matches, TopMessage Command);

/// <summary>A titled group of bindings for the help screen.</summary>
public sealed record KeySection(string Title, IReadOnlyList<KeyBinding> Bindings);
