using HAProxy.Stats;

namespace HAProxy.Fields;

/// <summary>Which <see cref="FieldScope"/> a <c>show stat</c> row type is, to ask the catalogue whether it carries a field.</summary>
public static class FieldScopes
{
    public static FieldScope Of(StatRowType type) => type switch
    {
        StatRowType.Frontend => FieldScope.Frontend,
        StatRowType.Backend => FieldScope.Backend,
        StatRowType.Server => FieldScope.Server,
        StatRowType.Listener => FieldScope.Listener,
        _ => FieldScope.None,
    };
}
