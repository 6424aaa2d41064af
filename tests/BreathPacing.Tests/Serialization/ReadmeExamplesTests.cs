using BreathPacing.Safety;
using BreathPacing.Serialization;

namespace BreathPacing.Tests.Serialization;

/// <summary>The README's format and safety examples, kept compiling and true.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void PatternsFromNotationAndJson_WorkAsShown()
    {
        BreathPattern box = BreathNotation.Parse("10x 4-4-4-4", name: "box");
        BreathNotation.Format(box).Should().Be("10x 4-4-4-4");

        string json = BreathPatternJson.Serialize(BreathingTechniques.OceansBreath());
        BreathPattern ocean = BreathPatternJson.Deserialize(json);
        ocean.Should().Be(BreathingTechniques.OceansBreath());

        FluentActions.Invoking(() => BreathNotation.Parse("4-7-x")).Should().Throw<BreathNotationException>()
            .Which.Message.Should().Be("Invalid breath notation at character 5: expected a number of seconds, found 'x'.\n  4-7-x\n      ^");
        FluentActions.Invoking(() => BreathPatternJson.Deserialize("""{"version":1,"name":"n","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":700}]}"""))
            .Should().Throw<BreathPatternJsonException>()
            .WithMessage("Invalid breath pattern JSON at $.phases[1].duration = 700 s: a phase lasts from 0.01 s to 600 s*");
    }

    [Fact]
    public void JsonExample_IsWhatOceansBreathSerialisesTo()
    {
        const string readme = """
            {
              "version": 1,
              "name": "Ocean's Breath",
              "phases": [
                { "kind": "inhale", "duration": 4, "airway": "nose", "cueKey": "ocean.inhale" },
                { "kind": "exhale", "duration": 6, "airway": "throatConstricted", "cueKey": "ocean.exhale" }
              ],
              "defaultLength": { "kind": "openEnded" }
            }
            """;

        BreathPatternJson.Deserialize(readme).Should().Be(BreathingTechniques.OceansBreath());
    }

    [Fact]
    public void SafetyExample_PrintsWhatTheReadmeSays()
    {
        var analysis = BreathPatternAnalysis.Of(BreathNotation.Parse("4-7-8"));
        analysis.ToString().Should().Be("3.16 breaths/min, in:out 0.5, cycle 19 s, shortest breath 4 s, longest hold 7 s");

        var findings = SafetyProfile.Gentle.Evaluate(BreathNotation.Parse("1-1"));
        findings[0].ToString().Should().StartWith("Warning breath-rate-high: This pattern paces 30 breaths per minute, above the limit of 20.");

        var strict = new SafeBreathPacer(new BreathPacer(), SafetyProfile.Gentle);
        FluentActions.Invoking(() => strict.Pace(BreathNotation.Parse("1-1"))).Should().Throw<UnsafeBreathPatternException>();
        (SafetyProfile.Gentle with { MaximumHold = TimeSpan.FromSeconds(15) }).MaximumHold.Should().Be(TimeSpan.FromSeconds(15));
    }
}
