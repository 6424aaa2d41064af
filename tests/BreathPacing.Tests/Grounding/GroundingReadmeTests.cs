using System.Globalization;
using BreathPacing.Grounding;
using BreathPacing.Tests.Support;

namespace BreathPacing.Tests.Grounding;

/// <summary>The README's "Grounding content" snippet, kept compiling and doing what it says.</summary>
public class GroundingReadmeTests
{
    [Fact]
    public void ReadmeSnippet_GroundingContent_ListsTechniquesPrintsStepsShowsCuesAndTranslates()
    {
        var output = new StringWriter();
        var time = new VirtualTime();

        // --- as in README.md (Console.WriteLine → output.WriteLine; the session runs on virtual time) ---
        var catalog = GroundingCatalog.Default;
        foreach (var technique in catalog.Techniques)
        {
            output.WriteLine($"{technique.Name}: {technique.Summary}");
        }

        var ocean = catalog.Find("ujjayi")!; // an id or an alias, in any case
        for (var i = 0; i < ocean.Steps.Length; i++)
        {
            output.WriteLine($"{i + 1}. {ocean.Steps[i]}");
        }

        using (var session = new BreathPacer().Start(ocean.DefaultPattern, SessionLength.Cycles(3), time.Scheduler))
        {
            session.Events.Subscribe(e => output.WriteLine(e.CueKey is { } key ? catalog.GetCueText(key) : ""));
            time.AdvanceBy(TimeSpan.FromMinutes(1));
        }

        var german = GroundingCatalog.Create(b => b
                .AddText("de", GroundingTextKeys.TechniqueName(BreathingTechniques.OceansBreathId), "Ozeanatmung"))
            .ForCulture(CultureInfo.GetCultureInfo("de-AT"));
        // --- end of snippet ---

        var lines = output.ToString().Split(Environment.NewLine);
        lines.Should().Contain(l => l.StartsWith("Three-Part Breath: ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Ocean's Breath: ", StringComparison.Ordinal));
        lines.Should().Contain($"1. {ocean.Steps[0]}").And.Contain($"{ocean.Steps.Length}. {ocean.Steps[^1]}");
        lines.Count(l => l == catalog.GetCueText(CueKeys.OceanExhale)).Should().Be(3);
        german.Find("ocean")!.Name.Should().Be("Ozeanatmung");
    }
}
