using System.Text.RegularExpressions;
using Dashboard.Web.Tests.Support;
using Storage.Schema;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// The page's JavaScript takes every stored name from /api/schema: a field, event kind or severity spelled in a script
/// would be filtered or mismatched at run time (a typo silently dropped a chart), so no script may spell one.
/// </summary>
public partial class PageScriptNamesTests
{
    private static string ScriptDirectory => Path.Combine(Paths.Repository, "Dashboard", "Web", "wwwroot", "js");

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScriptDirectory, "*.js").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void Scripts_AreFound()
    {
        Scripts().Count.ShouldBeGreaterThan(10);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_SpellsNoStoredName(string script)
    {
        var stored = StorageSchema.All.SelectMany(m => m.Fields).Select(f => f.Name)
            .Concat(EventKinds.All.Select(k => k.Name))
            .Concat(Severities.All.Select(s => s.Name))
            .ToHashSet(StringComparer.Ordinal);
        // Words the page uses as its own keys (the overview's JSON names, CSS classes) that happen to equal a stored
        // name; a stored name with an underscore or a capital is never one of them.
        string[] pageWords = ["status", "weight", "up", "info", "error"];

        var literals = Literal().Matches(File.ReadAllText(Path.Combine(ScriptDirectory, script))).Select(m => m.Groups["text"].Value).ToArray();
        var named = literals.Where(l => (stored.Contains(l) && !pageWords.Contains(l)) || SnakeCase().IsMatch(l)).Distinct().ToArray();

        named.ShouldBeEmpty($"{script} spells stored names; take them from /api/schema (schema() in api.js)");
    }

    [GeneratedRegex("""(?<q>['"`])(?<text>[^'"`\n]*)\k<q>""")]
    private static partial Regex Literal();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)+$")]
    private static partial Regex SnakeCase();
}
