using System.Globalization;
using BreathPacing.Serialization;
using BreathPacing.Tests.Support;
using CsCheck;

namespace BreathPacing.Tests.Serialization;

public class BreathNotationTests
{
    [Theory]
    [InlineData("4-7-8", "in 4, hold-in 7, out 8")]
    [InlineData("4-4-4-4", "in 4, hold-in 4, out 4, hold-out 4")]
    [InlineData("4-6", "in 4, out 6")]
    [InlineData("4-0-6-0", "in 4, out 6")]
    [InlineData("4-0-6-2", "in 4, out 6, hold-out 2")]
    [InlineData("4-2-6-0", "in 4, hold-in 2, out 6")]
    [InlineData("4.5-6.25", "in 4.5, out 6.25")]
    [InlineData(" 4 -\t7 - 8 ", "in 4, hold-in 7, out 8")]
    [InlineData("in 4 hold 7 out 8", "in 4, hold-in 7, out 8")]
    [InlineData("in 4 out 6 hold 2", "in 4, out 6, hold-out 2")]
    [InlineData("IN 4 Hold 4 OUT 4 hOLD 4", "in 4, hold-in 4, out 4, hold-out 4")]
    [InlineData("inhale 4 exhale 6", "in 4, out 6")]
    [InlineData("in4 out6", "in 4, out 6")]
    [InlineData("hold 2 in 4 out 4", "hold-out 2, in 4, out 4")]
    [InlineData("in 4 hold 0 out 4", "in 4, out 4")]
    [InlineData("in 2 out 2 in 4 out 6", "in 2, out 2, in 4, out 6")]
    [InlineData("in 4.1234567 out 600", "in 4.1234567, out 600")]
    public void Parse_ValidNotation_GivesThePhases(string notation, string phases)
    {
        var pattern = BreathNotation.Parse(notation);

        Describe(pattern).Should().Be(phases);
        pattern.DefaultLength.Should().Be(SessionLength.OpenEnded);
        pattern.Progression.Should().BeNull();
        pattern.Phases.Should().OnlyContain(p => p.Airway == Airway.Unspecified && p.CueKey == null && p.Segments.IsEmpty);
    }

    [Theory]
    [InlineData("10x 4-0-6-0", 10)]
    [InlineData("10X4-6", 10)]
    [InlineData(" 3 x in 4 out 6", 3)]
    [InlineData("1000000× 4-6", 1_000_000)]
    public void Parse_RepeatCount_SetsDefaultLengthInCycles(string notation, int cycles)
    {
        var pattern = BreathNotation.Parse(notation);

        pattern.DefaultLength.Should().Be(SessionLength.Cycles(cycles));
        pattern.Phases.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(" 4 - 7 - 8 ", "4-7-8")]
    [InlineData("in 4 out 6 hold 0", "4-6")]
    [InlineData("10 x IN 4 OUT 6", "10x 4-6")]
    public void Parse_WithoutName_NamesPatternByCanonicalNotation(string notation, string name) =>
        BreathNotation.Parse(notation).Name.Should().Be(name);

    [Fact]
    public void Parse_WithName_UsesIt() =>
        BreathNotation.Parse("4-7-8", "evening").Name.Should().Be("evening");

    [Fact]
    public void Parse_VeryLongNotationWithoutName_ShortensTheName()
    {
        var notation = string.Concat(Enumerable.Repeat("in 1.1234567 out 2.1234567 ", 32));

        var pattern = BreathNotation.Parse(notation);

        pattern.Phases.Should().HaveCount(64);
        pattern.Name.Length.Should().Be(PatternLimits.MaximumNameLength);
        pattern.Name.Should().StartWith("in 1.1234567 out 2.1234567").And.EndWith("…");
    }

    [Theory]
    [InlineData("4-6", "4-6")]
    [InlineData("4-7-8", "4-7-8")]
    [InlineData("4-0-6-2", "4-0-6-2")]
    [InlineData("4-4-4-4", "4-4-4-4")]
    [InlineData("in 4 out 6 hold 0", "4-6")]
    [InlineData("4.50-06", "4.5-6")]
    [InlineData("10x 4-0-6-0", "10x 4-6")]
    [InlineData("in 2 out 2 in 4 out 6", "in 2 out 2 in 4 out 6")]
    [InlineData("hold 2 in 4 out 4", "hold 2 in 4 out 4")]
    [InlineData("in 4 hold 1 hold 2 out 4", "in 4 hold 1 hold 2 out 4")]
    [InlineData("inhale 0.0100000 exhale 600", "0.01-600")]
    public void Format_ParsedNotation_WritesCanonicalForm(string notation, string canonical) =>
        BreathNotation.Format(BreathNotation.Parse(notation)).Should().Be(canonical);

    [Fact]
    public void Format_TickExactDurations_WritesThemExactly()
    {
        var pattern = BreathPattern.Create("p").Inhale(TimeSpan.FromTicks(41_234_567)).Exhale(TimeSpan.FromTicks(100_001)).Build();

        BreathNotation.Format(pattern).Should().Be("4.1234567-0.0100001");
    }

    public static TheoryData<BreathPattern, string> Inexpressible => new()
    {
        { BreathingTechniques.ThreePartBreath(), "phases[0] has body-region segments" },
        { BreathingTechniques.OceansBreath(), "phases[0] has an airway (Nose)" },
        { BreathPattern.Create("c").Inhale(TimeSpan.FromSeconds(4), cueKey: "k").Exhale(TimeSpan.FromSeconds(4)).Build(), "phases[0] has a cue key" },
        { BreathPattern.Create("p").Inhale(TimeSpan.FromSeconds(4)).Exhale(TimeSpan.FromSeconds(4)).WithProgression(BreathProgression.Lengthen(TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(6))).Build(), "it has a progression" },
        { BreathPattern.Create("d").Inhale(TimeSpan.FromSeconds(4)).Exhale(TimeSpan.FromSeconds(4)).WithDefaultLength(SessionLength.Minutes(5)).Build(), "its default length is a duration" },
    };

    [Theory]
    [MemberData(nameof(Inexpressible))]
    public void Format_PatternTheNotationCannotExpress_ThrowsNamingWhy(BreathPattern pattern, string reason)
    {
        FluentActions.Invoking(() => BreathNotation.Format(pattern)).Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain($"pattern \"{pattern.Name}\"").And.Contain(reason).And.Contain("BreathPatternJson");
        BreathNotation.TryFormat(pattern, out var notation).Should().BeFalse();
        notation.Should().BeNull();
    }

    [Fact]
    public void Format_ThenParse_RandomExpressiblePatterns_RoundTripExactly() =>
        PatternGen.PlainPattern.Where(p => BreathNotation.TryFormat(p, out _)).Sample(pattern =>
        {
            var notation = BreathNotation.Format(pattern);
            BreathNotation.Parse(notation, pattern.Name).Should().Be(pattern, notation);
        }, iter: 2000);

    [Fact]
    public void Parse_ThenFormat_RandomNotations_RoundTripsThroughCanonicalForm() =>
        Notation.Sample(notation =>
        {
            var parsed = BreathNotation.Parse(notation);
            var canonical = BreathNotation.Format(parsed);
            BreathNotation.Parse(canonical).Should().Be(parsed, $"\"{notation}\" formats as \"{canonical}\"");
            BreathNotation.Format(BreathNotation.Parse(canonical)).Should().Be(canonical, "the canonical form is a fixed point");
        }, iter: 3000);

    public static TheoryData<string, int, string, string> Errors => new()
    {
        { "4-7-x", 5, "a number of seconds", "'x'" },
        { "", 1, "a breath pattern such as \"4-7-8\" or \"in 4 out 6\"", "end of input" },
        { "   ", 4, "a breath pattern", "end of input" },
        { "4", 2, "'-' and an exhale duration", "end of input" },
        { "4-", 3, "a number of seconds", "end of input" },
        { "4 6", 3, "'-' or end of input", "'6'" },
        { "0-4", 1, "a positive inhale duration", "'0'" },
        { "4-0", 3, "a positive exhale duration", "'0'" },
        { "4-0.001", 3, "an exhale duration from 0.01 to 600 seconds", "'0.001'" },
        { "4-600.0000001", 3, "an exhale duration from 0.01 to 600 seconds", "'600.0000001'" },
        { "4-0.001-6", 3, "a hold duration from 0.01 to 600 seconds (or 0 for no hold)", "'0.001'" },
        { "4-4-4-4-4", 8, "end of input (at most four durations: in-hold-out-hold)", "'-'" },
        { "4.-5", 3, "a digit after the decimal point", "'-'" },
        { "4,5-6", 2, "'-' or end of input", "','" },
        { "-4-6", 1, "a repeat count, a number of seconds or 'in'", "'-'" },
        { "2.5x 4-4", 1, "a whole repeat count from 1 to 1000000", "'2.5'" },
        { "0x 4-4", 1, "a whole repeat count", "'0'" },
        { "1000001x 4-4", 1, "a whole repeat count", "'1000001'" },
        { "10x", 4, "a breath pattern after the repeat count", "end of input" },
        { "10x -", 5, "a number of seconds or 'in'", "'-'" },
        { "10x 10x 4-6", 7, "'-' or end of input", "'x'" },
        { "1234567890123456789012345-6", 1, "a number of at most 24 characters", "'1234567890123456789012345'" },
        { "breathe 4", 1, "'in', 'out' or 'hold'", "'breathe'" },
        { "in four", 4, "a number of seconds", "'four'" },
        { "in 4, out 4", 5, "'in', 'out', 'hold' or end of input", "','" },
        { "in 4 hold 4", 12, "an 'out' phase (a pattern needs at least one exhale)", "end of input" },
        { "out 4 hold 4", 13, "an 'in' phase (a pattern needs at least one inhale)", "end of input" },
        { "in 0 out 4", 4, "a positive inhale duration", "'0'" },
        { "4-6\u0001", 4, "'-' or end of input", "'\\u0001'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Parse_InvalidNotation_ThrowsWithPositionAndExpectation(string notation, int position, string expected, string found)
    {
        var error = FluentActions.Invoking(() => BreathNotation.Parse(notation)).Should().Throw<BreathNotationException>().Which;

        error.Position.Should().Be(position);
        error.Expected.Should().StartWith(expected);
        error.Found.Should().Be(found);
        error.Message.Should().StartWith($"Invalid breath notation at character {position}: expected {error.Expected}, found {found}.\n");
        error.Input.Should().Be(notation.Replace('\t', ' ').Replace("\u0001", "\\u0001", StringComparison.Ordinal));
        error.Column.Should().Be(position, "a short notation is shown whole");
        BreathNotation.TryParse(notation, out var pattern, out var tryError).Should().BeFalse();
        pattern.Should().BeNull();
        tryError!.Position.Should().Be(position);
    }

    [Fact]
    public void Parse_Error_ShowsTheInputWithTheSpotMarked()
    {
        var error = FluentActions.Invoking(() => BreathNotation.Parse("4-7-x")).Should().Throw<BreathNotationException>().Which;

        error.Message.Should().Be("Invalid breath notation at character 5: expected a number of seconds, found 'x'.\n  4-7-x\n      ^");
        error.Position.Should().Be(5);
        error.Input.Should().Be("4-7-x");
        error.Column.Should().Be(5);
        error.Expected.Should().Be("a number of seconds");
        error.Found.Should().Be("'x'");
    }

    [Fact]
    public void Parse_ErrorAfterInvisibleCharacters_SpellsThemOutAndStillMarksTheSpot()
    {
        var error = FluentActions.Invoking(() => BreathNotation.Parse("4-\u202E6-x")).Should().Throw<BreathNotationException>().Which;

        error.Position.Should().Be(3);
        error.Found.Should().Be("'\\u202E'");
        error.Input.Should().Be("4-\\u202E6-x");
        error.Column.Should().Be(3);
        error.Message.Should().NotContain("\u202E");
    }

    [Fact]
    public void Parse_ErrorFarIntoAHugeInput_ShowsOnlyTheNeighbourhood()
    {
        var notation = string.Concat(Enumerable.Repeat("hold 0 ", 5000)) + "in 4 out x" + new string(' ', 5000) + "y";

        var error = FluentActions.Invoking(() => BreathNotation.Parse(notation)).Should().Throw<BreathNotationException>().Which;

        error.Position.Should().Be((5000 * 7) + 10);
        error.Input.Length.Should().BeLessThan(140);
        error.Input.Should().StartWith("…").And.EndWith("…").And.Contain("in 4 out x");
        error.Input[error.Column - 1].Should().Be('x');
        error.Message.Length.Should().BeLessThan(400);
    }

    [Fact]
    public void Parse_DurationsAreRoundedToTheTickBeforeTheRangeIsChecked()
    {
        // The same rule as the JSON format: a value is read as the nearest 100 ns tick, then checked.
        BreathNotation.Parse("4-600.00000004").Phases[1].Duration.Should().Be(TimeSpan.FromMinutes(10));
        BreathNotation.Parse("0.00999995-6").Phases[0].Duration.Should().Be(TimeSpan.FromMilliseconds(10));
        BreathNotation.Parse("in 4 hold 0.00000004 out 6").Phases.Should().HaveCount(2, "a hold that rounds to 0 s is no hold");
        FluentActions.Invoking(() => BreathNotation.Parse("4-600.00000005")).Should().Throw<BreathNotationException>().Which.Found.Should().Be("'600.00000005'");
        FluentActions.Invoking(() => BreathNotation.Parse("0.00000004-6")).Should().Throw<BreathNotationException>().Which.Expected.Should().StartWith("a positive inhale duration");
    }

    [Fact]
    public void Parse_ZeroHolds_MeanWhatTheBuilderMakesOfThem()
    {
        var four = TimeSpan.FromSeconds(4);
        var six = TimeSpan.FromSeconds(6);

        BreathNotation.Parse("4-0-6-0", "p").Should().Be(BreathPattern.Create("p").Inhale(four).HoldAfterInhale(TimeSpan.Zero).Exhale(six).HoldAfterExhale(TimeSpan.Zero).Build());
        BreathNotation.Parse("in 4 out 6 hold 2", "p").Should().Be(BreathPattern.Create("p").Inhale(four).Exhale(six).HoldAfterExhale(TimeSpan.FromSeconds(2)).Build());
    }

    [Fact]
    public void Parse_TooManyPhases_PointsAtTheFirstPhaseTooMany()
    {
        var notation = string.Concat(Enumerable.Repeat("in 1 out 1 ", 33));

        var error = FluentActions.Invoking(() => BreathNotation.Parse(notation)).Should().Throw<BreathNotationException>().Which;

        error.Position.Should().Be((32 * "in 1 out 1 ".Length) + 1, "the 65th phase starts after 32 pairs");
        error.Expected.Should().Contain("at most 64 phases");
    }

    [Fact]
    public void TryParse_ValidNotation_ReturnsPattern()
    {
        BreathNotation.TryParse("10x 4-7-8", out var pattern, out var error).Should().BeTrue();

        error.Should().BeNull();
        pattern!.DefaultLength.Should().Be(SessionLength.Cycles(10));
        BreathNotation.TryParse("4-6", "named", out var named, out _).Should().BeTrue();
        named!.Name.Should().Be("named");
    }

    [Fact]
    public void TryParse_Null_ReturnsError()
    {
        BreathNotation.TryParse(null!, out var pattern, out var error).Should().BeFalse();

        pattern.Should().BeNull();
        error!.Position.Should().Be(1);
    }

    [Fact]
    public void Parse_BadArguments_ThrowArgumentExceptions()
    {
        FluentActions.Invoking(() => BreathNotation.Parse(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => BreathNotation.Parse("4-6", " ")).Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("name");
        FluentActions.Invoking(() => BreathNotation.Format(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Parse_RandomText_ThrowsOnlyBreathNotationException() =>
        Gen.OneOf(Gen.String, Gen.String[Gen.Char["0123456789.-xX× \tinouthldeaINOUTHLDEA,"], 0, 40]).Sample(OnlyDocumentedErrors, iter: 5000);

    [Fact]
    public void Parse_MutatedValidNotations_ThrowsOnlyBreathNotationException() =>
        Gen.Select(Notation, Gen.Int[0, int.MaxValue], Gen.Int[0, 3], Gen.Char).Sample(x =>
        {
            var (notation, at, kind, c) = x;
            var i = at % (notation.Length + 1);
            var mutated = kind switch
            {
                0 => notation.Insert(i, c.ToString()),
                1 when i < notation.Length => notation.Remove(i, 1),
                2 when i < notation.Length => notation.Remove(i, 1).Insert(i, "0.-x 9"[at % 6].ToString()),
                _ => notation[..i],
            };
            OnlyDocumentedErrors(mutated);
        }, iter: 10_000);

    private static void OnlyDocumentedErrors(string text)
    {
        try
        {
            var pattern = BreathNotation.Parse(text);
            BreathNotation.Parse(BreathNotation.Format(pattern)).Should().Be(pattern, "whatever parses, formats and parses back");
        }
        catch (BreathNotationException ex)
        {
            ex.Position.Should().BeInRange(1, text.Length + 1);
            ex.Column.Should().BeInRange(1, ex.Input.Length + 1);
            ex.Expected.Should().NotBeNullOrWhiteSpace();
            ex.Input.Should().NotContainAny(["\u202E", "\u2066", "\0", "\n"]);
            ex.Message.Split('\n').Should().HaveCount(3);
            ex.Message.Split('\n')[2].TrimEnd().Should().EndWith("^").And.HaveLength(ex.Column + 2);
        }
    }

    // Valid notations in every shape the grammar allows: dash or word form, zeros, decimals, repeat counts,
    // any case and spacing.
    private static readonly Gen<string> Space = Gen.String[Gen.Char[" \t"], 0, 2];

    private static readonly Gen<string> Seconds = Gen.Frequency(
        (3, Gen.Int[1, 20].Select(s => s.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Long[PatternLimits.MinimumPhaseDuration.Ticks, PatternLimits.MaximumPhaseDuration.Ticks].Select(t => ((decimal)t / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[1, 99].Select(s => s.ToString("00", CultureInfo.InvariantCulture) + ".50")));

    private static readonly Gen<string> Hold = Gen.Frequency((3, Seconds), (1, Gen.Const("0")));

    private static readonly Gen<string> DashForm = Gen.Int[2, 4].SelectMany(count =>
        Gen.Select(Seconds, Hold, Seconds, Hold, Space.Array[8]).Select(x =>
        {
            var (inhale, hold1, exhale, hold2, spaces) = x;
            string[] numbers = count switch { 2 => [inhale, exhale], 3 => [inhale, hold1, exhale], _ => [inhale, hold1, exhale, hold2] };
            return string.Join(string.Empty, numbers.Select((n, i) => i == 0 ? n : spaces[i] + "-" + spaces[i + 3] + n));
        }));

    private static readonly Gen<string> Word = Gen.Select(Gen.Int[0, 4], Gen.Bool).Select(x =>
    {
        var word = new[] { "in", "out", "hold", "inhale", "exhale" }[x.Item1];
        return x.Item2 ? word.ToUpperInvariant() : word;
    });

    private static readonly Gen<string> WordForm =
        Gen.Select(Gen.Select(Word, Space, Seconds, Hold).Array[0, 6], Seconds, Seconds, Gen.Int[0, 6], Gen.Int[0, 7]).Select(x =>
        {
            var steps = x.Item1.Select(s => s.Item1.StartsWith("h", StringComparison.OrdinalIgnoreCase) ? $"{s.Item1}{s.Item2}{s.Item4}" : $"{s.Item1} {s.Item3}").ToList();
            steps.Insert(x.Item4 % (steps.Count + 1), "in " + x.Item2);
            steps.Insert(x.Item5 % (steps.Count + 1), "out " + x.Item3);
            return string.Join(" ", steps);
        });

    private static readonly Gen<string> Notation =
        Gen.Select(Space, Gen.Frequency((3, Gen.Const(string.Empty)), (1, Gen.Select(Gen.Int[1, 1000], Gen.OneOf(Gen.Const("x"), Gen.Const("X"), Gen.Const("×")), Space).Select(r => $"{r.Item1}{r.Item2}{r.Item3} "))), Gen.OneOf(DashForm, WordForm), Space)
            .Select(x => x.Item1 + x.Item2 + x.Item3 + x.Item4);

    private static string Describe(BreathPattern pattern) => string.Join(", ", pattern.Phases.Select(p =>
        (p.Kind switch
        {
            BreathPhaseKind.Inhale => "in",
            BreathPhaseKind.Exhale => "out",
            BreathPhaseKind.HoldAfterInhale => "hold-in",
            _ => "hold-out",
        }) + " " + ((decimal)p.Duration.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture)));
}
