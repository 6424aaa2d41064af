using BreathPacing.Grounding;

namespace BreathPacing.ConsoleHost.Tests.Support;

/// <summary>A technique an app registers itself (in, hold, out, hold, each as long), to prove the host needs no change for it.</summary>
public static class SquareBreath
{
    public const string Id = "square-breath";

    public const string Name = "Square Breath";

    public static BreathTechnique Technique { get; } = BreathTechnique.Create(Id, new SquareBreathOptions(), options =>
    {
        var side = TimeSpan.FromSeconds(options.StartSeconds);
        return BreathPattern.Create(Name).Inhale(side).HoldAfterInhale(side).Exhale(side).HoldAfterExhale(side).Build();
    }, minimumSeconds: 1, maximumSeconds: 12);

    /// <summary>The built-in catalog plus Square Breath (also found as "square").</summary>
    public static IGroundingCatalog Catalog { get; } = GroundingCatalog.Create(b => b.AddTechnique(Technique, new GroundingTechniqueContent
    {
        Name = Name,
        Summary = "Breathe in, hold, breathe out and hold again, each for the same count.",
        TimingGuidance = "Start at 3 to 4 s a side.",
        Aliases = ["square"],
    }));

    public sealed record SquareBreathOptions : BreathTechniqueOptions;
}
