using System.Collections.Immutable;
using System.Text.RegularExpressions;
using BreathPacing.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BreathPacing.Tests.Architecture;

/// <summary>A source file of the library: its path below src/BreathPacing (with '/') and its text.</summary>
internal sealed record LayerSource(string Path, string Text)
{
    /// <summary>The layer: the first folder of the path ("" for a file at the root).</summary>
    public string Layer => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.IndexOf('/', StringComparison.Ordinal)] : "";
}

/// <summary>
/// One place where a file of one layer uses something declared in another layer: a symbol bound by the compiler
/// (in code, an attribute or an XML doc cref) or, for <see cref="LayerUseKind.Text"/>, a type's name written in a
/// comment or string that the compiler did not bind.
/// </summary>
internal sealed record LayerUse(string File, int Line, string FromLayer, string ToLayer, string Symbol, LayerUseKind Kind, bool IsInternal)
{
    public string Edge => $"{FromLayer} → {ToLayer}";

    public override string ToString() => $"{File}:{Line}: {Kind switch
    {
        LayerUseKind.Code => "uses",
        LayerUseKind.DocCref => "doc cref to",
        _ => "mentions",
    }} {Symbol} ({ToLayer}{(IsInternal ? ", internal" : "")})";
}

internal enum LayerUseKind
{
    Code,
    DocCref,
    Text,
}

/// <summary>A deliberate use of another layer's internal member: the using layer, the symbol (a type covers its members) and why.</summary>
internal sealed record InternalUse(string FromLayer, string Symbol, string Why)
{
    public bool Covers(LayerUse use) =>
        use.FromLayer == FromLayer && (use.Symbol == Symbol || use.Symbol.StartsWith(Symbol + ".", StringComparison.Ordinal));
}

/// <summary>
/// Finds every use across the library's layers (its top-level source folders) with a Roslyn semantic model of the
/// whole library compiled in memory: the layer of a symbol is the folder of the file that declares it. Namespaces
/// play no part, so everyday types sharing the root namespace are still told apart.
/// </summary>
internal static class LayerChecker
{
    /// <summary>The table's wildcard: a layer that may use every other layer.</summary>
    public const string Everything = "*";

    private static readonly SymbolDisplayFormat Display = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.None,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    public static ImmutableArray<LayerSource> LibrarySources()
    {
        var library = Path.Combine(InMemoryCompilation.RepositoryRoot, "src", "BreathPacing");
        return [.. Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(library, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new LayerSource(path, File.ReadAllText(Path.Combine(library, path))))];
    }

    /// <summary>
    /// Compiles <paramref name="sources"/> as the library is compiled (implicit usings, nullable, its package
    /// references), running System.Text.Json's source generator when the SDK's copy is found.
    /// </summary>
    public static CSharpCompilation Compile(IEnumerable<LayerSource> sources)
    {
        var trees = sources.Select(s => InMemoryCompilation.Parse(s.Text, s.Path)).ToList();
        trees.Add(InMemoryCompilation.ImplicitUsingsTree());
        var compilation = CSharpCompilation.Create(
            "BreathPacing",
            trees,
            [
                .. InMemoryCompilation.FrameworkReferences,
                InMemoryCompilation.ReferenceTo(typeof(System.Reactive.Linq.Observable).Assembly),
                InMemoryCompilation.ReferenceTo(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        if (JsonSourceGenerator() is { } generator)
        {
            CSharpGeneratorDriver.Create([generator], parseOptions: InMemoryCompilation.ParseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
            compilation = (CSharpCompilation)generated;
        }

        return compilation;
    }

    /// <summary>
    /// Every use, in a file of <paramref name="sources"/>, of a symbol (or type name) declared in another layer; and
    /// the compile errors of those files, for a use that does not bind has no layer.
    /// </summary>
    public static (ImmutableArray<LayerUse> Uses, ImmutableArray<Diagnostic> Errors) CrossLayerUses(CSharpCompilation compilation, IReadOnlyCollection<LayerSource> sources)
    {
        var layerOfFile = sources.ToDictionary(s => s.Path, s => s.Layer, StringComparer.Ordinal);
        var perFile = compilation.SyntaxTrees.Where(t => layerOfFile.ContainsKey(t.FilePath)).AsParallel().Select(tree =>
        {
            // One semantic model per file binds each body once, for its errors and its uses alike.
            var model = compilation.GetSemanticModel(tree);
            var fromLayer = layerOfFile[tree.FilePath];
            var uses = new List<LayerUse>();
            foreach (var node in tree.GetRoot().DescendantNodes(descendIntoTrivia: true))
            {
                foreach (var used in SymbolsUsedBy(model, node))
                {
                    if (Target(used) is not { } symbol || DeclaringLayer(symbol, layerOfFile) is not { } toLayer || toLayer == fromLayer)
                    {
                        continue;
                    }

                    var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    var kind = node.IsPartOfStructuredTrivia() ? LayerUseKind.DocCref : LayerUseKind.Code;
                    uses.Add(new LayerUse(tree.FilePath, line, fromLayer, toLayer, symbol.ToDisplayString(Display), kind, IsInternal(symbol)));
                }
            }

            return (Uses: uses, Errors: model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }).ToList();

        var all = perFile.SelectMany(f => f.Uses).Concat(TextMentions(compilation, sources, layerOfFile));
        return (
            [.. all.Distinct().OrderBy(u => u.File, StringComparer.Ordinal).ThenBy(u => u.Line).ThenBy(u => u.Symbol, StringComparer.Ordinal)],
            [.. perFile.SelectMany(f => f.Errors)]);
    }

    /// <summary>
    /// The uses <paramref name="mayUse"/> does not allow (back-edges, and files in a folder the table does not know),
    /// and the uses of another layer's internal members that <paramref name="internalUses"/> does not list.
    /// </summary>
    public static ImmutableArray<string> Violations(
        IEnumerable<LayerUse> uses, IReadOnlyCollection<LayerSource> sources, IReadOnlyDictionary<string, string[]> mayUse, IEnumerable<InternalUse> internalUses)
    {
        var listed = internalUses.ToList();
        var unknownFolders = sources.Where(s => !mayUse.ContainsKey(s.Layer))
            .Select(s => $"{s.Path}: in {(s.Layer.Length == 0 ? "no folder" : $"folder '{s.Layer}'")}, which is no layer of the table: move it into a layer's folder or add the folder to the table");
        var backEdges = uses.Where(u => mayUse.TryGetValue(u.FromLayer, out var allowed) && !allowed.Contains(u.ToLayer) && !allowed.Contains(Everything))
            .Select(u => $"{u}: back-edge {u.Edge}, which the layer table does not allow");
        var internals = uses.Where(u => u.IsInternal && u.Kind != LayerUseKind.Text && mayUse.TryGetValue(u.FromLayer, out var allowed)
                && (allowed.Contains(u.ToLayer) || allowed.Contains(Everything)) && !listed.Any(l => l.Covers(u)))
            .Select(u => $"{u}: {u.Edge} uses an internal member that the list of deliberate internal uses does not name");
        return [.. unknownFolders, .. backEdges, .. internals];
    }

    /// <summary>The symbols a node makes the code depend on: what it names, calls, converts with or enumerates with.</summary>
    private static IEnumerable<ISymbol> SymbolsUsedBy(SemanticModel model, SyntaxNode node)
    {
        if (node is SimpleNameSyntax or CrefSyntax or ImplicitObjectCreationExpressionSyntax or ObjectCreationExpressionSyntax
            or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or AssignmentExpressionSyntax
            or ElementAccessExpressionSyntax or CastExpressionSyntax or AttributeSyntax)
        {
            var info = model.GetSymbolInfo(node);
            if (info.Symbol is { } symbol)
            {
                yield return symbol;
            }
            else
            {
                foreach (var candidate in info.CandidateSymbols)
                {
                    yield return candidate;
                }
            }
        }

        if (node is ExpressionSyntax expression && !node.IsPartOfStructuredTrivia())
        {
            var conversion = model.GetConversion(expression);
            if (conversion.IsUserDefined && conversion.MethodSymbol is { } op)
            {
                yield return op;
            }
        }

        if (node is CommonForEachStatementSyntax forEach)
        {
            var info = model.GetForEachStatementInfo(forEach);
            foreach (var method in new ISymbol?[] { info.GetEnumeratorMethod, info.MoveNextMethod, info.CurrentProperty })
            {
                if (method is not null)
                {
                    yield return method;
                }
            }
        }
    }

    /// <summary>The declared symbol a use depends on, or null for what lives in no layer (locals, namespaces, …).</summary>
    private static ISymbol? Target(ISymbol symbol) => symbol switch
    {
        IAliasSymbol alias => Target(alias.Target),
        INamespaceSymbol or ILocalSymbol or IParameterSymbol or ITypeParameterSymbol or IRangeVariableSymbol or ILabelSymbol
            or IDiscardSymbol or IPreprocessingSymbol or IDynamicTypeSymbol => null,
        IArrayTypeSymbol array => Target(array.ElementType),
        IPointerTypeSymbol pointer => Target(pointer.PointedAtType),
        IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } => null,
        IMethodSymbol method => (method.ReducedFrom ?? method).OriginalDefinition,
        INamedTypeSymbol { IsAnonymousType: true } => null,
        _ => symbol.OriginalDefinition,
    };

    /// <summary>The layer of the file that declares <paramref name="symbol"/> (its type's, for members the compiler made).</summary>
    private static string? DeclaringLayer(ISymbol symbol, Dictionary<string, string> layerOfFile)
    {
        for (var s = symbol; s is not null; s = s.ContainingType)
        {
            foreach (var location in s.Locations)
            {
                if (location.SourceTree?.FilePath is { } path && layerOfFile.TryGetValue(path, out var layer))
                {
                    return layer;
                }
            }
        }

        return null;
    }

    /// <summary>Whether code outside the assembly could not see <paramref name="symbol"/>.</summary>
    private static bool IsInternal(ISymbol symbol)
    {
        for (var s = symbol; s is not null; s = s.ContainingType)
        {
            if (s.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Names of another layer's types written where the compiler binds nothing — comments, doc text such as
    /// &lt;c&gt;…&lt;/c&gt;, string literals — so that <c>git grep</c> finds no reference to another layer this check misses.
    /// </summary>
    private static IEnumerable<LayerUse> TextMentions(CSharpCompilation compilation, IReadOnlyCollection<LayerSource> sources, Dictionary<string, string> layerOfFile)
    {
        // Top-level types only: a nested helper's name (e.g. a private Entry) says nothing about layers in prose.
        var types = new List<(string Name, string Layer, bool IsInternal)>();
        var stack = new Stack<INamespaceOrTypeSymbol>([compilation.Assembly.GlobalNamespace]);
        while (stack.TryPop(out var container))
        {
            foreach (var member in container.GetMembers().OfType<INamespaceOrTypeSymbol>())
            {
                stack.Push(member);
                if (member is INamedTypeSymbol { IsImplicitlyDeclared: false, ContainingType: null } type && DeclaringLayer(type, layerOfFile) is { } layer)
                {
                    types.Add((type.Name, layer, IsInternal(type)));
                }
            }
        }

        var words = types.DistinctBy(t => t.Name).ToDictionary(t => t.Name);
        var word = new Regex(@"\b[A-Z]\w*\b", RegexOptions.CultureInvariant);
        foreach (var tree in compilation.SyntaxTrees.Where(t => layerOfFile.ContainsKey(t.FilePath)))
        {
            var fromLayer = layerOfFile[tree.FilePath];
            foreach (var span in UnboundText(tree.GetRoot()))
            {
                foreach (Match match in word.Matches(tree.GetText().ToString(span)))
                {
                    if (words.TryGetValue(match.Value, out var type) && type.Layer != fromLayer)
                    {
                        var line = tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(span.Start + match.Index, match.Length)).StartLinePosition.Line + 1;
                        yield return new LayerUse(tree.FilePath, line, fromLayer, type.Layer, type.Name, LayerUseKind.Text, type.IsInternal);
                    }
                }
            }
        }
    }

    /// <summary>The spans of text no symbol binds: comments, the text of doc comments, and string literals.</summary>
    private static IEnumerable<Microsoft.CodeAnalysis.Text.TextSpan> UnboundText(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                yield return trivia.Span;
            }
        }

        foreach (var token in root.DescendantTokens(descendIntoTrivia: true))
        {
            if (token.IsKind(SyntaxKind.XmlTextLiteralToken) || token.IsKind(SyntaxKind.StringLiteralToken)
                || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken))
            {
                yield return token.Span;
            }
        }
    }

    private static ISourceGenerator? JsonSourceGenerator()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/analyzers/dotnet/cs
        var dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref");
        var path = !Directory.Exists(packs) ? null : Directory.EnumerateDirectories(packs)
            .OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var version) ? version : new Version())
            .Select(v => Path.Combine(v, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"))
            .FirstOrDefault(File.Exists);
        return path is null ? null
            : new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(path, new GeneratorAssemblyLoader()).GetGenerators(LanguageNames.CSharp).FirstOrDefault();
    }

    private sealed class GeneratorAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
