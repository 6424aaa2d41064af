using BreathPacing.Safety;
using BreathPacing.Serialization;
using BreathPacing.Tests.Support;
using CsCheck;

namespace BreathPacing.Tests.Safety;

public class SafetyProfileTests
{
    private static readonly TimeSpan S = TimeSpan.FromSeconds(1);

    public static TheoryData<string, BreathPattern> BuiltIns => new()
    {
        { "Three-Part Breath", BreathingTechniques.ThreePartBreath() },
        { "Three-Part Breath, progressing", BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }) },
        { "Ocean's Breath", BreathingTechniques.OceansBreath() },
    };

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Evaluate_BuiltInTechniqueWithDefaultOptions_FindsNothing(string because, BreathPattern pattern) =>
        SafetyProfile.Gentle.Evaluate(pattern).Should().BeEmpty(because);

    [Theory]
    [InlineData("4-7-8")]
    [InlineData("4-4-4-4")]
    [InlineData("5-5")]
    [InlineData("2-2")]
    [InlineData("1.5-0-1.5")]
    public void Evaluate_CommonCalmPatterns_NoWarnings(string notation)
    {
        var pattern = BreathNotation.Parse(notation);
        if (notation == "1.5-0-1.5")
        {
            // 20 breaths per minute is at the limit, not above it; the breaths themselves are short.
            SafetyProfile.Gentle.Evaluate(pattern).Select(f => f.Code).Should().Equal(SafetyCodes.InhaleShort, SafetyCodes.ExhaleShort);
            return;
        }

        SafetyProfile.Gentle.Evaluate(pattern).Should().BeEmpty();
        SafetyProfile.Gentle.IsAcceptable(pattern).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_FastShortBreaths_WarnsOnRateAndBothBreathsWithValuesAndThresholds()
    {
        var findings = SafetyProfile.Gentle.Evaluate(BreathNotation.Parse("1-1"));

        findings.Should().HaveCount(3).And.OnlyContain(f => f.Severity == SafetySeverity.Warning);
        findings[0].Code.Should().Be(SafetyCodes.BreathRateHigh);
        findings[0].Message.Should().Contain("30 breaths per minute").And.Contain("limit of 20").And.Contain("dizzy");
        findings[1].Code.Should().Be(SafetyCodes.InhaleShort);
        findings[1].Message.Should().Contain("An inhale lasts 1 s").And.Contain("minimum of 2 s").And.Contain("4–5 s");
        findings[2].Code.Should().Be(SafetyCodes.ExhaleShort);
        findings[2].Message.Should().Contain("An exhale lasts 1 s").And.Contain("minimum of 2 s");
    }

    [Fact]
    public void Evaluate_LongHold_WarnsWithHoldAndLimit()
    {
        var findings = SafetyProfile.Gentle.Evaluate(BreathNotation.Parse("4-12-8"));

        findings.Should().ContainSingle().Which.Should().Be(new SafetyFinding(SafetySeverity.Warning, SafetyCodes.HoldLong,
            "A hold lasts 12 s, longer than the limit of 10 s. Hold only as long as is comfortable; shorten the hold if it strains."));
    }

    [Fact]
    public void Evaluate_HoldThatGrowsPastTheLimitWithProgression_WarnsAboutTheTarget()
    {
        var pattern = BreathPattern.Create("478 up").Inhale(4 * S).HoldAfterInhale(7 * S).Exhale(8 * S)
            .WithProgression(BreathProgression.Lengthen(S, 2, 8 * S)).Build();

        var finding = SafetyProfile.Gentle.Evaluate(pattern).Should().ContainSingle().Which;

        finding.Code.Should().Be(SafetyCodes.HoldLong);
        finding.Message.Should().StartWith("A hold grows to 14 s as the progression reaches its target, longer than the limit of 10 s.");
    }

    [Fact]
    public void Evaluate_HoldLongAtStartAndTarget_NamesBoth()
    {
        var pattern = BreathPattern.Create("long").Inhale(4 * S).HoldAfterInhale(11 * S).Exhale(8 * S)
            .WithProgression(BreathProgression.Lengthen(S, 2, 8 * S)).Build();

        SafetyProfile.Gentle.Evaluate(pattern).Should().ContainSingle().Which.Message
            .Should().StartWith("A hold lasts 11 s (and grows to 22 s at the progression's target), longer than the limit of 10 s.");
    }

    [Fact]
    public void Evaluate_ExhaleShorterThanInhale_AddsInfoAfterWarnings()
    {
        var findings = SafetyProfile.Gentle.Evaluate(BreathNotation.Parse("6-1.5"));

        findings.Select(f => (f.Severity, f.Code)).Should().Equal(
            (SafetySeverity.Warning, SafetyCodes.ExhaleShort),
            (SafetySeverity.Info, SafetyCodes.ExhaleShorterThanInhale));
        findings[1].Message.Should().Contain("out for 1.5 s and in for 6 s").And.Contain("Ocean's Breath");
        SafetyProfile.Gentle.IsAcceptable(BreathNotation.Parse("6-4")).Should().BeTrue("information alone is no reason to refuse");
    }

    [Fact]
    public void Evaluate_InfoSwitchedOff_LeavesItOut() =>
        (SafetyProfile.Gentle with { NoteExhaleShorterThanInhale = false }).Evaluate(BreathNotation.Parse("6-4")).Should().BeEmpty();

    [Fact]
    public void Evaluate_CustomThresholds_Apply()
    {
        var relaxed = SafetyProfile.Gentle with { MaximumHold = 15 * S, MinimumBreathDuration = TimeSpan.Zero, MaximumBreathsPerMinute = 40 };
        var stricter = SafetyProfile.Gentle with { MaximumHold = 5 * S, MinimumBreathDuration = 5 * S, MaximumBreathsPerMinute = 3 };

        relaxed.Evaluate(BreathNotation.Parse("4-12-8")).Should().BeEmpty();
        relaxed.Evaluate(BreathNotation.Parse("1-1")).Should().BeEmpty();
        stricter.Evaluate(BreathNotation.Parse("4-7-8")).Select(f => f.Code).Should().Equal(SafetyCodes.BreathRateHigh, SafetyCodes.InhaleShort, SafetyCodes.HoldLong);
        stricter.Evaluate(BreathNotation.Parse("4-7-8"))[0].Message.Should().Contain("3.16 breaths per minute, above the limit of 3.");
    }

    [Fact]
    public void Gentle_HasTheDocumentedDefaults()
    {
        SafetyProfile.Gentle.MaximumBreathsPerMinute.Should().Be(20);
        SafetyProfile.Gentle.MinimumBreathDuration.Should().Be(2 * S);
        SafetyProfile.Gentle.MaximumHold.Should().Be(10 * S);
        SafetyProfile.Gentle.NoteExhaleShorterThanInhale.Should().BeTrue();
        SafetyProfile.Gentle.Should().Be(new SafetyProfile());
        (SafetyProfile.Gentle with { MaximumHold = 12 * S }).Should().NotBe(SafetyProfile.Gentle, "with makes a new profile and leaves Gentle as it was");
    }

    [Theory]
    [InlineData(nameof(SafetyProfile.MaximumBreathsPerMinute), 0)]
    [InlineData(nameof(SafetyProfile.MaximumBreathsPerMinute), double.NaN)]
    [InlineData(nameof(SafetyProfile.MaximumBreathsPerMinute), double.PositiveInfinity)]
    [InlineData(nameof(SafetyProfile.MinimumBreathDuration), -1)]
    [InlineData(nameof(SafetyProfile.MinimumBreathDuration), 601)]
    [InlineData(nameof(SafetyProfile.MaximumHold), 0)]
    public void With_OutOfRangeThreshold_ThrowsNamingIt(string property, double value)
    {
        Action set = property switch
        {
            nameof(SafetyProfile.MaximumBreathsPerMinute) => () => _ = SafetyProfile.Gentle with { MaximumBreathsPerMinute = value },
            nameof(SafetyProfile.MinimumBreathDuration) => () => _ = SafetyProfile.Gentle with { MinimumBreathDuration = TimeSpan.FromSeconds(value) },
            _ => () => _ = SafetyProfile.Gentle with { MaximumHold = TimeSpan.FromSeconds(value) },
        };

        set.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(property);
    }

    [Fact]
    public void EnsureAcceptable_PatternWithWarnings_ThrowsListingThem()
    {
        var pattern = BreathNotation.Parse("1-12-1", "rushed");

        var error = FluentActions.Invoking(() => SafetyProfile.Gentle.EnsureAcceptable(pattern)).Should().Throw<UnsafeBreathPatternException>().Which;

        error.PatternName.Should().Be("rushed");
        error.Warnings.Select(w => w.Code).Should().Equal(SafetyCodes.InhaleShort, SafetyCodes.ExhaleShort, SafetyCodes.HoldLong);
        error.Message.Should().StartWith("The pattern \"rushed\" goes past the safety profile (strict mode is on): [inhale-short] An inhale lasts 1 s")
            .And.Contain("[hold-long] A hold lasts 12 s");
    }

    [Fact]
    public void EnsureAcceptable_InfoOnly_DoesNotThrow() =>
        FluentActions.Invoking(() => SafetyProfile.Gentle.EnsureAcceptable(BreathNotation.Parse("6-4"))).Should().NotThrow();

    [Fact]
    public void Evaluate_RandomPatterns_WarnExactlyWhenAMeasureCrossesItsThreshold() =>
        PatternGen.Pattern.Sample(pattern =>
        {
            var a = BreathPatternAnalysis.Of(pattern);
            var codes = SafetyProfile.Gentle.Evaluate(pattern).Select(f => f.Code).ToList();
            codes.Contains(SafetyCodes.BreathRateHigh).Should().Be(a.BreathsPerMinute > 20);
            codes.Contains(SafetyCodes.InhaleShort).Should().Be(a.ShortestInhale < 2 * S);
            codes.Contains(SafetyCodes.ExhaleShort).Should().Be(a.ShortestExhale < 2 * S);
            codes.Contains(SafetyCodes.HoldLong).Should().Be((a.AtTarget ?? a).LongestHold > 10 * S);
            codes.Contains(SafetyCodes.ExhaleShorterThanInhale).Should().Be(a.ExhaleDuration < a.InhaleDuration);
        }, iter: 1000);

    [Fact]
    public void Evaluate_Null_ThrowsArgumentNull() =>
        FluentActions.Invoking(() => SafetyProfile.Gentle.Evaluate(null!)).Should().Throw<ArgumentNullException>();
}
