namespace Collector.Samples;

public enum FieldValueType
{
    Float,
    Integer,
    String,
    Boolean,
}
