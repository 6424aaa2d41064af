using System.Collections.Immutable;
using System.Globalization;
using BreathPacing.Grounding;

namespace BreathPacing.Web.Tests.Api;

/// <summary>Options of an app's own technique: the shared settings and one of its own.</summary>
public sealed record BoxBreathOptions : BreathTechniqueOptions
{
    /// <summary>Each hold as a share of the inhale, above 0 and at most 2.</summary>
    public double HoldRatio { get; init; } = 1;
}

/// <summary>
/// A technique an app defines and registers in the catalog itself, as a package user would: the web host must serve,
/// pace and plan it without knowing it.
/// </summary>
public static class BoxBreath
{
    public const string Id = "box-breath";
    public const string InhaleCue = "box.inhale";
    public const string HoldCue = "box.hold";
    public const string ExhaleCue = "box.exhale";

    public static BreathTechnique Technique { get; } = BreathTechnique.Create(Id, new BoxBreathOptions(), o =>
    {
        if (!(o.HoldRatio > 0 && o.HoldRatio <= 2))
        {
            throw new InvalidBreathPatternException("holdRatio", o.HoldRatio.ToString(CultureInfo.InvariantCulture), "expected more than 0 and at most 2.");
        }

        var side = TimeSpan.FromSeconds(o.StartSeconds);
        var hold = TimeSpan.FromSeconds(o.StartSeconds * o.HoldRatio);
        return BreathPattern.Create("Box Breath")
            .Inhale(side, cueKey: InhaleCue).HoldAfterInhale(hold, cueKey: HoldCue)
            .Exhale(side, cueKey: ExhaleCue).HoldAfterExhale(hold, cueKey: HoldCue)
            .Build();
    });

    public static GroundingTechniqueContent Content { get; } = new()
    {
        Name = "Box Breath",
        Summary = "Four equal sides: in, hold, out, hold.",
        TimingGuidance = "Start with four seconds a side.",
        Steps = ["Breathe in through the nose.", "Hold gently.", "Breathe out slowly.", "Hold again."],
        Cautions = ["Shorten the holds if you feel light-headed."],
        Aliases = ["square"],
        Cues = ImmutableDictionary<string, string>.Empty
            .Add(InhaleCue, "Draw the first side of the square.")
            .Add(HoldCue, "Rest at the corner.")
            .Add(ExhaleCue, "Draw the far side, slowly."),
    };

    public static IGroundingCatalog Catalog() => GroundingCatalog.Create(b => b.AddTechnique(Technique, Content));
}
