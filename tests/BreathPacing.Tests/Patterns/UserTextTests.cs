using BreathPacing.Serialization;

namespace BreathPacing.Tests.Patterns;

/// <summary>
/// Text a user can type into a pattern (its name, cue keys, region ids) is checked by the library itself, so every
/// host refuses text that could spoof what is shown or show nothing at all.
/// </summary>
public class UserTextTests
{
    private static readonly TimeSpan Four = TimeSpan.FromSeconds(4);

    public static TheoryData<string, string> SpoofingOrInvisible => new()
    {
        { "NUL", "calm\0" },
        { "escape", "calm\u001B[31m" },
        { "line break inside", "calm\nbreath" },
        { "line separator", "calm\u2028breath" },
        { "right-to-left override", "calm\u202Eevil" },
        { "left-to-right embedding", "\u202Acalm" },
        { "pop directional formatting", "calm\u202C" },
        { "first strong isolate", "calm\u2068x" },
        { "pop directional isolate", "calm\u2069" },
        { "only a zero-width space", "\u200B" },
        { "only joiners and a byte-order mark", "\u200D\u200C\uFEFF" },
        { "only a word joiner and spaces", " \u2060 " },
        { "only a Hangul filler", "\u3164" },
        { "empty", "" },
        { "blank", " \t " },
    };

    [Theory]
    [MemberData(nameof(SpoofingOrInvisible))]
    public void Name_SpoofingOrInvisible_IsRefusedNamingTheField(string because, string name)
    {
        var error = FluentActions.Invoking(() => BreathPattern.Create(name)).Should().Throw<InvalidBreathPatternException>(because).Which;

        error.Field.Should().Be("name");
        error.Message.Should().NotContainAny(["\0", "\u202E", "\u202A", "\u2068", "\u2069", "\u001B", "\n"], "the error itself must not carry the bad characters");
    }

    [Theory]
    [MemberData(nameof(SpoofingOrInvisible))]
    public void CueKeysAndRegions_SpoofingOrInvisible_AreRefusedNamingTheField(string because, string text)
    {
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, cueKey: text)).Should().Throw<InvalidBreathPatternException>(because)
            .Which.Field.Should().Be("phases[0].cueKey");
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four).Exhale(Four, segments: s => s.Add("chest", 1, text))).Should().Throw<InvalidBreathPatternException>(because)
            .Which.Field.Should().Be("phases[1].segments[0].cueKey");
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add(text, 1))).Should().Throw<InvalidBreathPatternException>(because)
            .Which.Field.Should().Be("phases[0].segments[0].region");
    }

    [Fact]
    public void Text_WithAnUnpairedSurrogate_IsRefused()
    {
        // Not theory data: the test runner would replace the lone surrogate when it passes the argument.
        const string text = "calm\uD800";

        FluentActions.Invoking(() => BreathPattern.Create(text)).Should().Throw<InvalidBreathPatternException>()
            .Which.Problem.Should().Contain("unpaired surrogate U+D800 at character 5");
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, cueKey: text)).Should().Throw<InvalidBreathPatternException>()
            .Which.Field.Should().Be("phases[0].cueKey");
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("\uDC00a", 1))).Should().Throw<InvalidBreathPatternException>()
            .Which.Value.Should().Be("\"\\uDC00a\"");
    }

    [Fact]
    public void BlankCueKey_IsRefusedOnSegmentsAsOnPhases()
    {
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, cueKey: " ")).Should().Throw<InvalidBreathPatternException>()
            .Which.Field.Should().Be("phases[0].cueKey");
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("a", 1, " "))).Should().Throw<InvalidBreathPatternException>()
            .Which.Field.Should().Be("phases[0].segments[0].cueKey");
    }

    [Fact]
    public void Text_IsNormalisedToNfcAndTrimmed()
    {
        var pattern = BreathPattern.Create("  Cafe\u0301 breath\u200B ")
            .Inhale(Four, cueKey: " my.inhale\t", segments: s => s.Add(" chest ", 1, "\uFEFFmy.chest"))
            .Exhale(Four)
            .Build();

        pattern.Name.Should().Be("Caf\u00E9 breath");
        pattern.Phases[0].CueKey.Should().Be("my.inhale");
        pattern.Phases[0].Segments[0].Region.Should().Be("chest");
        pattern.Phases[0].Segments[0].CueKey.Should().Be("my.chest");
    }

    [Fact]
    public void Regions_EqualAfterNormalisation_AreDuplicates()
    {
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("chest", 0.5).Add(" chest", 0.5)))
            .Should().Throw<InvalidBreathPatternException>().Which.Problem.Should().Contain("duplicate");
    }

    [Fact]
    public void Text_WithJoinersInsideVisibleText_IsAccepted()
    {
        // A zero-width joiner inside an emoji sequence and a zero-width non-joiner inside a word are legitimate.
        var name = "family \U0001F468\u200D\U0001F469 \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";

        BreathPattern.Create(name).Inhale(Four).Exhale(Four).Build().Name.Should().Be(name);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Name_IsBoundedInLength(int length, bool accepted)
    {
        var act = () => BreathPattern.Create(new string('n', length));

        if (accepted)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should().Throw<InvalidBreathPatternException>().Which.Problem.Should().Contain($"at most {PatternLimits.MaximumNameLength} characters");
        }
    }

    [Fact]
    public void CueKeysAndRegions_AreBoundedInLength()
    {
        var longKey = new string('k', PatternLimits.MaximumKeyLength + 1);

        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, cueKey: longKey)).Should().Throw<InvalidBreathPatternException>()
            .Which.Field.Should().Be("phases[0].cueKey");
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add(longKey, 1))).Should().Throw<InvalidBreathPatternException>()
            .Which.Field.Should().Be("phases[0].segments[0].region");
        BreathPattern.Create("p").Inhale(Four, cueKey: longKey[1..]).Exhale(Four).Build().Phases[0].CueKey.Should().HaveLength(PatternLimits.MaximumKeyLength);
    }

    [Fact]
    public void HugeBadValue_IsNeverEchoedWhole()
    {
        var huge = new string('x', 7000) + "\0";

        var errors = new Exception[]
        {
            FluentActions.Invoking(() => BreathPattern.Create(huge)).Should().Throw<InvalidBreathPatternException>().Which,
            FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four, cueKey: huge)).Should().Throw<InvalidBreathPatternException>().Which,
            FluentActions.Invoking(() => BreathPattern.Create(new string('y', 7000))).Should().Throw<InvalidBreathPatternException>().Which,
            FluentActions.Invoking(() => BreathNotation.Parse("4-6", huge)).Should().Throw<InvalidBreathPatternException>().Which,
        };

        foreach (var error in errors)
        {
            error.Message.Length.Should().BeLessThan(400, error.Message);
            error.Message.Should().MatchRegex("700[01] characters").And.Contain("…");
            error.Message.Should().NotContain(new string('x', 41)).And.NotContain(new string('y', 41));
        }
    }

    [Fact]
    public void ShortBadValue_IsEchoedWithInvisibleCharactersSpelledOut()
    {
        var error = FluentActions.Invoking(() => BreathPattern.Create("calm\u202Eevil")).Should().Throw<InvalidBreathPatternException>().Which;

        error.Value.Should().Be("\"calm\\u202Eevil\"");
        error.Problem.Should().Contain("U+202E").And.Contain("character 5");
    }
}
