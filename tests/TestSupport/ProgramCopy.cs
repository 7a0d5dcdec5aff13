using System.Runtime.InteropServices;
using System.Text.Json;

namespace TestSupport;

/// <summary>
/// Copies one of our programs (its dll with every file its deps.json names, managed and native, keeping relative paths)
/// out of the test's bin folder, for a run as another user (<see cref="DotnetProcess.Start"/> <c>asNobody</c>): the
/// checkout may sit under a directory that user cannot enter (mktemp -d is mode 700). Native files for other platforms
/// are left out (SkiaSharp alone ships ~160 MB of them).
/// </summary>
public static class ProgramCopy
{
    public static string To(string dllName, string target)
    {
        var source = AppContext.BaseDirectory;
        var name = Path.GetFileNameWithoutExtension(dllName);
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(source, name + ".deps.json")));
        var files = new HashSet<string> { dllName, name + ".deps.json", name + ".runtimeconfig.json" };
        var platform = "runtimes/linux-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant() + "/";
        foreach (var library in deps.RootElement.GetProperty("targets").EnumerateObject().First().Value.EnumerateObject())
        {
            foreach (var group in new[] { "runtime", "native", "runtimeTargets" })
            {
                if (library.Value.TryGetProperty(group, out var assets))
                {
                    foreach (var asset in assets.EnumerateObject())
                    {
                        if (asset.Name.StartsWith("runtimes/", StringComparison.Ordinal)
                            && !asset.Name.StartsWith(platform, StringComparison.Ordinal)
                            && !asset.Name.StartsWith("runtimes/unix/", StringComparison.Ordinal))
                        {
                            continue;
                        }
                        files.Add(File.Exists(Path.Combine(source, asset.Name)) ? asset.Name : Path.GetFileName(asset.Name));
                    }
                }
            }
        }
        foreach (var file in files.Where(f => File.Exists(Path.Combine(source, f))))
        {
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(source, file), destination);
        }
        return Path.Combine(target, dllName);
    }
}
