namespace Dashboard.Top.Input;

/// <summary>Small matchers for <see cref="ConsoleKeyInfo"/>.</summary>
internal static class Keys
{
    public static Func<ConsoleKeyInfo, bool> Char(params char[] chars) => k => Array.IndexOf(chars, k.KeyChar) >= 0 && (k.Modifiers & ConsoleModifiers.Control) == 0;

    public static Func<ConsoleKeyInfo, bool> Key(ConsoleKey key) => k => k.Key == key && (k.Modifiers & (ConsoleModifiers.Shift | ConsoleModifiers.Control)) == 0;

    public static Func<ConsoleKeyInfo, bool> Shifted(ConsoleKey key) => k => k.Key == key && (k.Modifiers & ConsoleModifiers.Shift) != 0;

    public static Func<ConsoleKeyInfo, bool> Control(ConsoleKey key) => k => k.Key == key && (k.Modifiers & ConsoleModifiers.Control) != 0;

    public static Func<ConsoleKeyInfo, bool> Any(params Func<ConsoleKeyInfo, bool>[] matchers) => k => matchers.Any(m => m(k));

    /// <summary>A printable character that is not a control key (for text input).</summary>
    public static bool IsText(ConsoleKeyInfo key) =>
        key.KeyChar >= ' ' && key.KeyChar != '\u007f' && (key.Modifiers & ConsoleModifiers.Control) == 0 && !char.IsControl(key.KeyChar);
}
