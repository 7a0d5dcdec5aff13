namespace Dashboard.Top.View;

/// <summary>A run of text in one tone; <paramref name="Reverse"/> marks the selected row.</summary>
public readonly record struct Segment(string Text, Tone Tone, bool Reverse = false);
