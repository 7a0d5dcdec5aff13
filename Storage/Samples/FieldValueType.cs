namespace Storage.Samples;

public enum FieldValueType
{
    Float,
    Integer,
    String,
    Boolean,
}
