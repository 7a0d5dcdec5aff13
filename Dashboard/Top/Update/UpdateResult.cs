using Dashboard.Top.Model;

namespace Dashboard.Top.Update;

/// <summary>The new model and, when the message asked for I/O, the effect to run.</summary>
public readonly record struct UpdateResult(TopModel Model, TopEffect? Effect = null)
{
    public static implicit operator UpdateResult(TopModel model) => new(model);
}
