using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ServiceDefaults.Settings;

/// <summary>
/// The keys an executable reads, built by reflection over the Options classes it binds, following the
/// configuration binder's rules: public settable properties (or get-only objects and collections it fills in),
/// <see cref="ConfigurationKeyNameAttribute"/> names, lists and arrays by index, dictionaries by any key. Pure.
/// </summary>
public static class SettingsSchema
{
    /// <summary>The tree of every key below the root, from the sections bound.</summary>
    public static SettingsNode Build(IEnumerable<SettingsSection> sections)
    {
        var root = new SettingsNode(SettingsNodeKind.Object);
        foreach (var section in sections)
        {
            var node = root;
            foreach (var segment in section.Path.Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node.Section(segment);
            }
            node.Merge(Describe(section.OptionsType, []));
        }
        return root;
    }

    /// <summary>What the binder reads below a property of type <paramref name="type"/>.</summary>
    public static SettingsNode Describe(Type type, HashSet<Type> visiting)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsValue(type))
        {
            return new SettingsNode(SettingsNodeKind.Value);
        }
        if (type == typeof(object) || typeof(IConfiguration).IsAssignableFrom(type))
        {
            return new SettingsNode(SettingsNodeKind.Any);
        }
        if (type.IsArray)
        {
            return SettingsNode.ElementOf(SettingsNodeKind.List, Describe(type.GetElementType()!, visiting));
        }
        if (DictionaryValue(type) is { } value)
        {
            return SettingsNode.ElementOf(SettingsNodeKind.Map, Describe(value, visiting));
        }
        if (EnumerableElement(type) is { } element)
        {
            return SettingsNode.ElementOf(SettingsNodeKind.List, Describe(element, visiting));
        }
        if (!visiting.Add(type))
        {
            return new SettingsNode(SettingsNodeKind.Any); // a recursive type: the binder can go on forever, so do we not
        }
        var node = new SettingsNode(SettingsNodeKind.Object);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !IsBound(property))
            {
                continue;
            }
            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            node.Children[name] = Describe(property.PropertyType, visiting);
        }
        foreach (var renamed in type.GetCustomAttributes<SettingRenamedAttribute>())
        {
            node.Renamed[renamed.OldName] = renamed;
        }
        visiting.Remove(type);
        return node;
    }

    // The binder sets a property with a public setter; a get-only property it can only fill in, which works for an
    // object or a concrete collection, never for a value or an interface such as IReadOnlyList (computed views).
    private static bool IsBound(PropertyInfo property)
    {
        if (property.SetMethod is { IsPublic: true })
        {
            return true;
        }
        var type = property.PropertyType;
        return property.GetMethod is { IsPublic: true } && !IsValue(Nullable.GetUnderlyingType(type) ?? type) && !type.IsInterface && !type.IsArray;
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
        || type == typeof(Guid) || type == typeof(Uri) || type == typeof(Version)
        || (type != typeof(object) && !typeof(IEnumerable).IsAssignableFrom(type) && TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)));

    private static Type? DictionaryValue(Type type)
    {
        foreach (var candidate in type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces())
        {
            if (candidate.IsGenericType && (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            {
                return candidate.GetGenericArguments()[1];
            }
        }
        return null;
    }

    private static Type? EnumerableElement(Type type)
    {
        foreach (var candidate in type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return candidate.GetGenericArguments()[0];
            }
        }
        return null;
    }
}
