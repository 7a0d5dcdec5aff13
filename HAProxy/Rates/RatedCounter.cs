using HAProxy.Fields;

namespace HAProxy.Rates;

/// <summary>A catalogue counter present in the current table, with its column there and in the previous table (-1: absent).</summary>
public readonly record struct RatedCounter(FieldDefinition Definition, int Column, int PreviousColumn);
