namespace ServiceDefaults.Settings;

/// <summary>What a configuration key can hold below it, as the configuration binder reads it.</summary>
public enum SettingsNodeKind
{
    /// <summary>A single value (string, number, bool, enum, TimeSpan, ...): nothing below it.</summary>
    Value,

    /// <summary>An object: the named properties below it.</summary>
    Object,

    /// <summary>A list or array: any index below it, each an element.</summary>
    List,

    /// <summary>A dictionary: any key below it, each a value.</summary>
    Map,

    /// <summary>Anything (an <c>IConfiguration</c> or <c>object</c> property): not checked.</summary>
    Any,
}
