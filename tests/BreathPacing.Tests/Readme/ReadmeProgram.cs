using System.Collections.Immutable;
using System.Reflection;
using BreathPacing.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace BreathPacing.Tests.Readme;

/// <summary>
/// Compiles a <see cref="ReadmeBlock"/> as its own program against the library, in memory, and runs it on a fast
/// clock with its console output captured. Compile errors and stack traces point at the README's own lines.
/// </summary>
internal static class ReadmeProgram
{
    /// <summary>How much faster than real time README programs run: a 30 s session takes 0.3 s.</summary>
    public const double Speed = 100;

    /// <summary>The longest a README program may run in real time (30 minutes of its own time at <see cref="Speed"/>).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(18);

    /// <summary>How long, in real time, output is still watched for after a program ends (10 s of its own time).</summary>
    public static readonly TimeSpan AfterEnd = TimeSpan.FromMilliseconds(100);

    /// <summary>The scaffolds a fragment can name: what each provides, and the code around the fragment.</summary>
    public static readonly ImmutableDictionary<string, Scaffold> Scaffolds = new Dictionary<string, Scaffold>
    {
        ["services"] = new(
            "an empty IServiceCollection named services; afterwards the container is built with validation and every service registered is resolved",
            "global::Microsoft.Extensions.DependencyInjection.IServiceCollection services = new global::Microsoft.Extensions.DependencyInjection.ServiceCollection();",
            """
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<global::System.TimeProvider>(services, global::ReadmeTestHook.Clock);
            using (var provider = global::Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services, new global::Microsoft.Extensions.DependencyInjection.ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
            using (var scope = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(provider))
            {
                foreach (var service in services)
                {
                    if (!service.ServiceType.IsGenericTypeDefinition)
                    {
                        global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService(scope.ServiceProvider, service.ServiceType);
                    }
                }
            }
            """),
        ["pacer"] = new(
            "an IBreathPacer named pacer, made with new BreathPacer() (so on the fast clock)",
            "global::BreathPacing.IBreathPacer pacer = new global::BreathPacing.BreathPacer(global::ReadmeTestHook.Options());",
            ""),
    }.ToImmutableDictionary();

    // The late-wake threshold scales with the clock: a 20 ms stall of a busy test machine is 2 s at 100×, and must not
    // be taken for a machine that slept (which would skip events, as LateWakePolicy.SkipToNow says).
    private static readonly string Hook = $$"""
        internal static class ReadmeTestHook
        {
            public static global::System.TimeProvider Clock = global::System.TimeProvider.System;

            public static global::BreathPacing.BreathPacingOptions Options() => new()
            {
                TimeProvider = Clock,
                LateWakeThreshold = global::System.TimeSpan.FromSeconds({{2 * Speed}}),
            };
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. InMemoryCompilation.FrameworkReferences,
        InMemoryCompilation.ReferenceTo(typeof(BreathPattern).Assembly),
        InMemoryCompilation.ReferenceTo(typeof(System.Reactive.Linq.Observable).Assembly),
        InMemoryCompilation.ReferenceTo(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly),
        InMemoryCompilation.ReferenceTo(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions).Assembly),
    ]);

    /// <summary>
    /// Compiles <paramref name="block"/> as written (a <c>dotnet new console</c> program: implicit usings, nullable,
    /// warnings as errors), inside its scaffold if it is a fragment.
    /// </summary>
    /// <exception cref="ReadmeBlockException">It names an unknown scaffold or does not compile.</exception>
    public static CSharpCompilation Compile(ReadmeBlock block)
    {
        var program = InMemoryCompilation.Parse(Source(block), block.File);
        var compilation = CSharpCompilation.Create(
            $"Readme_{block.File.Replace('/', '_').Replace('.', '_')}_{block.Line}",
            [program, InMemoryCompilation.ImplicitUsingsTree(), InMemoryCompilation.Parse(Hook, "ReadmeTestHook.g.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: InMemoryCompilation.SdkNoWarn));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ReadmeBlockException(block, "does not compile as written:\n" + string.Join('\n', errors.Select(d => d.ToString())));
        }

        return compilation;
    }

    /// <summary>Compiles and runs <paramref name="block"/>, and returns what it printed while it ran.</summary>
    /// <exception cref="ReadmeBlockException">It does not compile, throws, takes too long, or prints after it ended.</exception>
    public static async Task<string> RunAsync(ReadmeBlock block)
    {
        var assembly = Load(block, OnFastClock(Compile(block)));
        assembly.GetType("ReadmeTestHook")!.GetField("Clock")!.SetValue(null, new FastTimeProvider(Speed));
        var entry = assembly.EntryPoint!;

        var output = new StringWriter();
        var late = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(output));
        try
        {
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
            if (result is Task task)
            {
                if (await Task.WhenAny(task, Task.Delay(Timeout)) != task)
                {
                    throw new ReadmeBlockException(block, $"ran longer than {Timeout.TotalSeconds} s on a clock {Speed}× faster than real time. Sessions run fast only on a pacer made with new BreathPacer() or by a scaffold; keep README sessions short. Printed so far:\n{output}");
                }

                await task;
            }

            // A real process exits here: whatever its sessions print from now on, nobody sees.
            Console.SetOut(TextWriter.Synchronized(late));
            await Task.Delay(AfterEnd);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw Threw(inner);
        }
        catch (Exception e) when (e is not ReadmeBlockException)
        {
            throw Threw(e);
        }
        finally
        {
            Console.SetOut(original);
        }

        if (late.ToString().Trim().Length > 0)
        {
            throw new ReadmeBlockException(block, $"printed after its program had ended (a real run exits first, so nobody would see it; wait for the session, e.g. await session.Events.LastAsync()):\n{late}");
        }

        return output.ToString();

        ReadmeBlockException Threw(Exception e) => new(block, $"threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}", e);
    }

    /// <summary>The program's source: the block, or the fragment inside its scaffold, with #line directives mapping it back to the README.</summary>
    private static string Source(ReadmeBlock block)
    {
        var located = $"#line {block.Line} \"{block.File}\"\n";
        if (block.Fragment is not { } name)
        {
            return located + block.Code;
        }

        if (!Scaffolds.TryGetValue(name, out var scaffold))
        {
            throw new ReadmeBlockException(block, $"names the unknown scaffold '{name}' in its '// fragment:' line; known: {string.Join(", ", Scaffolds.Keys.Order().Select(k => $"'{k}' ({Scaffolds[k].Provides})"))}.");
        }

        // The fragment's own using directives stay first; the scaffold's code goes around the rest.
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, InMemoryCompilation.ParseOptions).GetRoot();
        var split = root.Usings.Count > 0 ? block.Code.IndexOf('\n', root.Usings.Last().Span.End) + 1 : 0;
        var linesBefore = block.Code[..split].Count(c => c == '\n');
        return located + block.Code[..split]
            + "#line hidden\n" + scaffold.Before + "\n"
            + $"#line {block.Line + linesBefore} \"{block.File}\"\n" + block.Code[split..]
            + "\n#line hidden\n" + scaffold.After + "\n";
    }

    /// <summary>The same program with every <c>new BreathPacer()</c> given a <see cref="FastTimeProvider"/> through the test's hook.</summary>
    private static CSharpCompilation OnFastClock(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var pacer = compilation.GetTypeByMetadataName("BreathPacing.BreathPacer");
        var creations = tree.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>()
            .Where(c => c.ArgumentList is null || c.ArgumentList.Arguments.Count == 0)
            .Where(c => SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(c).Type, pacer))
            .ToList();
        var options = ArgumentList(SingletonSeparatedList(Argument(ParseExpression("global::ReadmeTestHook.Options()"))));
        var rewritten = tree.GetRoot().ReplaceNodes(creations, (original, _) => original.WithArgumentList(options.WithTriviaFrom(original.ArgumentList ?? options)));
        return compilation.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(rewritten, tree.Options));
    }

    private static Assembly Load(ReadmeBlock block, CSharpCompilation compilation)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!emitted.Success)
        {
            throw new ReadmeBlockException(block, "does not emit:\n" + string.Join('\n', emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return Assembly.Load(pe.ToArray(), pdb.ToArray());
    }

    /// <summary>What a fragment's scaffold provides (for messages and docs), and the code before and after the fragment.</summary>
    internal sealed record Scaffold(string Provides, string Before, string After);
}

/// <summary>A README block that does not compile, run or print as it says; the message starts with its file and line.</summary>
public sealed class ReadmeBlockException(ReadmeBlock block, string problem, Exception? inner = null)
    : Exception($"{block.File}:{block.Line}: the ```csharp block {problem}", inner);
