using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BreathPacing.Tests.Support;

/// <summary>
/// What the README and architecture tests need to compile C# in memory with Roslyn: the repository's root,
/// the shared framework this test runs on, references to loaded assemblies, and the SDK's implicit usings.
/// </summary>
internal static class InMemoryCompilation
{
    /// <summary>The namespaces a <c>dotnet new console</c> project (and this repository) imports implicitly.</summary>
    public static readonly ImmutableArray<string> ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);

    /// <summary>The repository's root: the nearest folder up from the test's output holding BreathPacing.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// Every assembly of the shared framework this test runs on (Microsoft.NETCore.App), as the trusted platform
    /// assemblies list names them. The test's own packages (xUnit, FluentAssertions, …) are deliberately left out.
    /// </summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences => Framework.Value;

    public static MetadataReference ReferenceTo(Assembly assembly) => MetadataReference.CreateFromFile(assembly.Location);

    /// <summary>What the SDK never reports (its default NoWarn): assembly version unification between references.</summary>
    public static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn =
        ImmutableDictionary.CreateRange([KeyValuePair.Create("CS1701", ReportDiagnostic.Suppress), KeyValuePair.Create("CS1702", ReportDiagnostic.Suppress)]);

    /// <summary>Parses C# source as UTF-8 text (so it can be emitted with debug information) at <paramref name="path"/>.</summary>
    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path, System.Text.Encoding.UTF8);

    /// <summary>A syntax tree of <c>global using</c> directives for <see cref="ImplicitUsings"/>.</summary>
    public static SyntaxTree ImplicitUsingsTree() =>
        Parse(string.Concat(ImplicitUsings.Select(n => $"global using global::{n};\n")), "ImplicitUsings.g.cs");

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path))];
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreathPacing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No BreathPacing.sln above {AppContext.BaseDirectory}.");
    }
}
