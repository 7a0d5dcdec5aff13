namespace Storage.Schema;

/// <summary>A field's stored type (line protocol and SQLite share these).</summary>
public enum SchemaFieldType
{
    Float,
    Integer,
    String,
}
