using System.Collections.Immutable;
using System.Text.RegularExpressions;
using BreathPacing.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BreathPacing.Tests.Readme;

/// <summary>
/// One fenced <c>```csharp</c> block of a README: the file (relative to the repository, with '/'), the line of its
/// first line of code, and the code with the fence's indentation removed. See <see cref="ReadmeSnippetTests"/> for
/// the conventions a block follows.
/// </summary>
public sealed partial record ReadmeBlock(string File, int Line, string Code)
{
    /// <summary>The marker of a promised output line: <c>// prints: &lt;line&gt;</c>.</summary>
    public const string PrintsMarker = "// prints:";

    /// <summary>In a promise, stands for any text; a promise that is only this stands for any number of lines.</summary>
    public const string Elision = "…";

    /// <summary>The README files whose C# blocks are compiled and run: README.md, samples/README.md and each sample's README.</summary>
    public static ImmutableArray<string> Files(string root)
    {
        var samples = Path.Combine(root, "samples");
        var sampleReadmes = !Directory.Exists(samples) ? [] : Directory.EnumerateFiles(samples, "README.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "wwwroot"));
        return ["README.md", .. sampleReadmes.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every fenced C# block of every README of <see cref="Files"/>.</summary>
    public static ImmutableArray<ReadmeBlock> All(string root) =>
        [.. Files(root).SelectMany(file => In(file, System.IO.File.ReadAllText(Path.Combine(root, file))))];

    /// <summary>The fenced <c>```csharp</c> blocks of one markdown text (also inside list items, by indentation).</summary>
    public static IEnumerable<ReadmeBlock> In(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = CSharpFence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Length;
            var fence = open.Groups["fence"].Value;
            var end = i + 1;
            while (end < lines.Length && !(lines[end].Trim().StartsWith(fence, StringComparison.Ordinal) && lines[end].Trim().Trim('`').Length == 0))
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new FormatException($"{file}:{i + 1}: the ```csharp block is never closed.");
            }

            var code = lines[(i + 1)..end].Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l.TrimStart());
            yield return new ReadmeBlock(file, i + 2, string.Join('\n', code) + "\n");
            i = end;
        }
    }

    /// <summary>The scaffold a fragment names on its first line (<c>// fragment: &lt;name&gt; …</c>), or null for a whole program.</summary>
    public string? Fragment => FragmentLine().Match(Code) is { Success: true } m ? m.Groups["name"].Value : null;

    /// <summary>The output lines the block promises, in order: the text after each <c>// prints:</c> comment.</summary>
    public ImmutableArray<string> Promises =>
    [
        .. CSharpSyntaxTree.ParseText(Code, InMemoryCompilation.ParseOptions).GetRoot().DescendantTrivia()
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.ToString().StartsWith(PrintsMarker, StringComparison.Ordinal))
            .Select(t => t.ToString()[PrintsMarker.Length..].Trim()),
    ];

    /// <summary>The lines a program printed as the promises see them: trimmed, blank lines dropped.</summary>
    public static ImmutableArray<string> OutputLines(string output) =>
        [.. output.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>
    /// Whether <paramref name="output"/> is exactly what <paramref name="promises"/> say, line by line: a promise
    /// <c>…</c> alone matches any number of lines (none too), and <c>…</c> inside a promise matches any text.
    /// </summary>
    public static bool Keeps(IReadOnlyList<string> promises, IReadOnlyList<string> output)
    {
        var patterns = promises.Select(p => p == Elision ? null : new Regex("^" + string.Join(".*", p.Split(Elision).Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant)).ToArray();
        var memo = new Dictionary<(int, int), bool>();
        return Match(0, 0);

        bool Match(int p, int o)
        {
            if (memo.TryGetValue((p, o), out var known))
            {
                return known;
            }

            var result = p == patterns.Length
                ? o == output.Count
                : patterns[p] is null
                    ? Match(p + 1, o) || (o < output.Count && Match(p, o + 1))
                    : o < output.Count && patterns[p]!.IsMatch(output[o]) && Match(p + 1, o + 1);
            memo[(p, o)] = result;
            return result;
        }
    }

    public override string ToString() => $"{File}:{Line}";

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<fence>```+)\s*(csharp|cs|c#)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"\A\s*//\s*fragment:\s*(?<name>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex FragmentLine();
}
