namespace Dashboard.Top.Model;

/// <summary>The screens of the viewer, numbered as HATop numbers them (keys 1-5).</summary>
public enum TopMode
{
    Status = 1,
    Traffic = 2,
    Http = 3,
    Errors = 4,
    Cli = 5,
}
