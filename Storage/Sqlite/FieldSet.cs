namespace Storage.Sqlite;

/// <summary>
/// One interned list of field names (a row of <c>field_set</c>): samples with the same fields in the same order
/// share it, so a <c>sample</c> row stores only its values, as a JSON array aligned with <see cref="Names"/>.
/// </summary>
public sealed class FieldSet(long id, string[] names)
{
    public long Id { get; } = id;

    public string[] Names { get; } = names;

    /// <summary>Roll-up accumulator slot of each name, resolved once per set (see <see cref="RollupAccumulator.SlotsFor"/>).</summary>
    internal int[]? RollupSlots { get; set; }
}
