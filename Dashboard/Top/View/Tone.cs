namespace Dashboard.Top.View;

/// <summary>The meaning of a piece of screen text; the terminal maps it to a colour, tests read it as markup.</summary>
public enum Tone
{
    Normal,
    Title,
    Heading,
    Dim,
    Active,
    Aggregate,
    Up,
    Warn,
    Down,
    Maint,
    Drain,
    Error,
    Dialog,
}
