namespace Dashboard.Top.Update;

/// <summary>What an admin key asks for; turned into HAProxy's command text with the selected server.</summary>
public enum AdminActionKind
{
    Ready,
    Maint,
    Drain,
    WeightDelta,
    WeightSet,
    WeightReset,
    HealthUp,
    HealthDown,
}

/// <param name="Kind">The action.</param>
/// <param name="Value">Weight delta for <see cref="AdminActionKind.WeightDelta"/>, new weight for <see cref="AdminActionKind.WeightSet"/>.</param>
public readonly record struct AdminAction(AdminActionKind Kind, int Value = 0);
