namespace Storage.Schema;

/// <param name="Name">The stored name, e.g. <c>session_rate</c>.</param>
/// <param name="Unit">Unit of the stored value (<c>sessions/s</c>, <c>ms</c>, <c>%</c>); <c>-</c> when none.</param>
/// <param name="Description">What it means, for docs, help screens and chart legends.</param>
public sealed record SchemaField(string Name, SchemaFieldType Type, string Unit, string Description);
