using System.Collections.Immutable;
using System.Text.RegularExpressions;
using BreathPacing.Tests.Support;
using Microsoft.CodeAnalysis;
using static BreathPacing.Tests.Architecture.LayerChecker;

namespace BreathPacing.Tests.Architecture;

/// <summary>
/// The library's layers are the folders of src/BreathPacing. <see cref="MayUse"/> is the one place that says which
/// may use which; the tests fail on any use it does not allow — in code, in an attribute, in an XML doc cref, or a
/// type's name written in a comment or string — naming the file, line, symbol and edge. The layer of a symbol is
/// the folder of the file that declares it (namespaces play no part: everyday types share the root namespace).
/// </summary>
public class LayerTests
{
    /// <summary>Allowed dependencies between the folders of src/BreathPacing: each layer "may use" the layers on its right.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        ["Patterns"] = [],
        ["Timeline"] = ["Patterns"],
        ["Serialization"] = ["Patterns", "Engine"],
        ["Techniques"] = ["Patterns"],
        ["Engine"] = ["Patterns", "Timeline"],
        ["Safety"] = ["Patterns", "Timeline", "Engine"],
        ["Grounding"] = ["Patterns", "Techniques"],
        ["Practice"] = ["Patterns", "Timeline", "Engine", "Techniques"],
        ["DependencyInjection"] = [Everything],
    };

    /// <summary>
    /// The deliberate uses of another layer's internal members (a type stands for all of its members), each with why.
    /// Everything else a layer needs from another it takes from that layer's public API, as a package user would.
    /// </summary>
    internal static readonly ImmutableArray<InternalUse> InternalUses =
    [
        new("Engine", "BoundaryCursor", "a session's whole scheduling state is one cursor struct walking the boundaries: no allocation per boundary"),
        new("Engine", "BreathTimeline.PhaseTicks", "a PhaseStarted's duration in ticks, read off the precomputed levels without building a BreathPosition"),
        new("Engine", "BreathTimeline.SegmentOffset", "a SegmentStarted's length in ticks, the same way"),
        new("Engine", "BreathTimeline.CycleStart", "a summary's partial cycle: where the unfinished cycle began, in ticks"),
        new("Engine", "BreathTimeline.CycleTicks", "a summary's partial cycle and pace: how long that cycle is, in ticks"),
        new("Serialization", "ExactSeconds", "seconds are read, rounded and shown one way across the library: exact decimals of the 100 ns tick"),
        new("Timeline", "ExactSeconds", "the same: a boundary shows its offset as patterns show seconds"),
        new("Serialization", "BreathPhaseKinds", "which phases are holds is one rule, the patterns' own, in the notation too"),
        new("Serialization", "BreathPatternBuilder.Count", "the JSON reader tells a 0 s hold the builder left out from a phase it added, so later paths stay right"),
        new("Serialization", "UserText", "user text echoed in an error is quoted one way: invisible characters spelled out, long text cut"),
        new("Safety", "BreathPhaseKinds", "which phases are holds is one rule, the patterns' own"),
        new("Techniques", "ExactSeconds", "the same: option seconds become ticks, and errors show them, as patterns do"),
        new("Safety", "ExactSeconds", "the same: findings quote seconds as patterns do"),
        new("Engine", "BreathPosition.AsComplete", "a session stopped early is complete: only the engine knows, so it marks the position it samples"),
    ];

    private static readonly Lazy<Analysis> Library = new(() => Analysis.Of(LibrarySources()));

    [Fact]
    public void Library_CompilesInMemory_SoEveryUseIsBound()
    {
        // An unbound name would hide its layer; the in-memory build must be as clean as the real one.
        Library.Value.Errors.Should().BeEmpty();
        Library.Value.Sources.Should().Contain(s => s.Layer == "Engine").And.Contain(s => s.Layer == "Patterns");
    }

    [Fact]
    public void Library_UsesOnlyTheLayersTheTableAllows()
    {
        var violations = Library.Value.Violations.Where(v => !v.Contains("internal member", StringComparison.Ordinal)).ToList();

        violations.Should().BeEmpty("each layer may use only the layers MayUse lists:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Library_UsesAnotherLayersInternalsOnlyWhereListed()
    {
        var violations = Library.Value.Violations.Where(v => v.Contains("internal member", StringComparison.Ordinal)).ToList();

        violations.Should().BeEmpty("another layer's internals are used only where InternalUses says why:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void InternalUses_EachListedUseStillHappens()
    {
        var uses = Library.Value.Uses;
        var stale = InternalUses.Where(listed => !uses.Any(u => u.IsInternal && listed.Covers(u))).Select(l => $"{l.FromLayer} → {l.Symbol}").ToList();

        stale.Should().BeEmpty("an entry of InternalUses that nothing uses any more should be removed");
    }

    [Fact]
    public void Checker_ReportsPlantedBackEdgesAndUnlistedInternalUses()
    {
        LayerSource[] sources =
        [
            new("Patterns/Shape.cs", """
                namespace BreathPacing;

                /// <summary>Drawn by a <see cref="Runner"/>.</summary>
                public sealed class Shape
                {
                    public int Size => 1;

                    internal int Secret => 2;

                    [Marker]
                    public object Draw() => new Runner().Go();

                    public Runner Make() => new();

                    public int Spun() => this.Spin();
                }
                """),
            new("Engine/Runner.cs", """
                namespace BreathPacing;

                // Runs a Shape (Engine may use Patterns).
                public sealed class Runner
                {
                    public int Go() => new Shape().Size + new Shape().Secret;
                }

                public sealed class MarkerAttribute : System.Attribute;

                public static class Spinning
                {
                    public static int Spin(this Shape shape) => shape.Size;
                }
                """),
            new("Timeline/Clock.cs", """
                namespace BreathPacing;

                public static class Clock
                {
                    public const string Note = "ticks for the Runner";
                }
                """),
            new("Extras/Stray.cs", "namespace BreathPacing;\n\npublic static class Stray;\n"),
        ];
        var analysis = Analysis.Of([.. sources]);

        analysis.Errors.Should().BeEmpty();
        analysis.Violations.Should().BeEquivalentTo(
            "Extras/Stray.cs: in folder 'Extras', which is no layer of the table: move it into a layer's folder or add the folder to the table",
            "Patterns/Shape.cs:3: doc cref to Runner (Engine): back-edge Patterns → Engine, which the layer table does not allow",
            "Patterns/Shape.cs:10: uses MarkerAttribute.MarkerAttribute (Engine): back-edge Patterns → Engine, which the layer table does not allow",
            "Patterns/Shape.cs:11: uses Runner (Engine): back-edge Patterns → Engine, which the layer table does not allow",
            "Patterns/Shape.cs:11: uses Runner.Go (Engine): back-edge Patterns → Engine, which the layer table does not allow",
            "Patterns/Shape.cs:11: uses Runner.Runner (Engine): back-edge Patterns → Engine, which the layer table does not allow",
            "Patterns/Shape.cs:13: uses Runner (Engine): back-edge Patterns → Engine, which the layer table does not allow",
            "Patterns/Shape.cs:13: uses Runner.Runner (Engine): back-edge Patterns → Engine, which the layer table does not allow",
            "Patterns/Shape.cs:15: uses Spinning.Spin (Engine): back-edge Patterns → Engine, which the layer table does not allow",
            "Timeline/Clock.cs:5: mentions Runner (Engine): back-edge Timeline → Engine, which the layer table does not allow",
            "Engine/Runner.cs:6: uses Shape.Secret (Patterns, internal): Engine → Patterns uses an internal member that the list of deliberate internal uses does not name");

        // Listing the internal use, and allowing the edges, leaves nothing to report but the stray folder.
        var permissive = MayUse.ToDictionary(kv => kv.Key, kv => kv.Key == "Patterns" || kv.Key == "Timeline" ? new[] { Everything } : kv.Value);
        permissive["Extras"] = [];
        LayerChecker.Violations(analysis.Uses, sources, permissive, [new InternalUse("Engine", "Shape.Secret", "planted")])
            .Should().BeEmpty();
    }

    [Fact]
    public void Readme_LayerTable_IsTheTestsTable()
    {
        // README's Contributing section shows the table a contributor must respect; it must say what this test enforces.
        var readme = File.ReadAllLines(Path.Combine(InMemoryCompilation.RepositoryRoot, "README.md"));
        var rows = readme.SkipWhile(l => !l.StartsWith("| layer | may use |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(
                cells => cells[1].Trim('`'),
                cells => cells[2].StartsWith("everything", StringComparison.Ordinal)
                    ? [Everything]
                    : Regex.Matches(cells[2], "`([A-Za-z]+)`").Select(m => m.Groups[1].Value).Order().ToArray());

        rows.Should().NotBeEmpty("README.md has a `| layer | may use |` table in Contributing");
        rows.Should().BeEquivalentTo(MayUse.ToDictionary(kv => kv.Key, kv => kv.Value.Order().ToArray()));
    }

    private sealed record Analysis(ImmutableArray<LayerSource> Sources, ImmutableArray<Diagnostic> Errors, ImmutableArray<LayerUse> Uses, ImmutableArray<string> Violations)
    {
        public static Analysis Of(ImmutableArray<LayerSource> sources)
        {
            var (uses, errors) = CrossLayerUses(Compile(sources), sources);
            return new Analysis(sources, errors, uses, LayerChecker.Violations(uses, sources, MayUse, InternalUses));
        }
    }
}
