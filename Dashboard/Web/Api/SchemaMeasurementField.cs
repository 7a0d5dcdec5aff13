namespace Dashboard.Web.Api;

/// <summary>One field of a <see cref="SchemaMeasurement"/>.</summary>
public sealed record SchemaMeasurementField(string Name, string Type, string Unit, string Description);
