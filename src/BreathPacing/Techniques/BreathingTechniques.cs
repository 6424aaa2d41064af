using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>The built-in grounding breaths of the article, as techniques and as ready-made patterns.</summary>
public static class BreathingTechniques
{
    /// <summary>The id of Three-Part Breath in the technique catalog.</summary>
    public const string ThreePartBreathId = "three-part-breath";

    /// <summary>The id of Ocean's Breath in the technique catalog.</summary>
    public const string OceansBreathId = "oceans-breath";

    /// <summary>The largest <see cref="OceansBreathOptions.ExhaleRatio"/>: 3.</summary>
    private const double MaximumExhaleRatio = 3;

    /// <summary>
    /// Three-Part Breath as a technique: from 1 to 20 s per breath (the gentle safety profile warns below 2 s;
    /// the article starts at 4–5 s and works toward 10 s). See <see cref="ThreePartBreath"/>.
    /// </summary>
    public static BreathTechnique ThreePart { get; } = BreathTechnique.Create(ThreePartBreathId, new ThreePartBreathOptions(), CreateThreePart);

    /// <summary>Ocean's Breath as a technique: an inhale from 1 to 20 s and a longer exhale. See <see cref="OceansBreath"/>.</summary>
    public static BreathTechnique Ocean { get; } = BreathTechnique.Create(OceansBreathId, new OceansBreathOptions(), CreateOcean);

    /// <summary>Both built-in techniques, Three-Part Breath first.</summary>
    public static ImmutableArray<BreathTechnique> All { get; } = [ThreePart, Ocean];

    /// <summary>
    /// Three-Part Breath: the inhale fills the lower belly, then the upper belly, then the chest; the exhale
    /// empties the chest, then the upper belly, then the lower belly with the core drawn in. Each region takes
    /// a third of its phase. By default 4 s each way; with <see cref="BreathTechniqueOptions.Progress"/> the
    /// breaths lengthen step by step toward 10 s, inhale and exhale staying equal.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The pattern (open-ended by default).</returns>
    /// <exception cref="InvalidBreathPatternException">An option is out of range; the message names it.</exception>
    public static BreathPattern ThreePartBreath(ThreePartBreathOptions? options = null) => ThreePart.CreatePattern(options);

    /// <summary>
    /// Ocean's Breath (ujjayi): inhale through the nose; exhale through a gently narrowed throat, making a
    /// soft wave sound, for longer than the inhale. By default a 4 s inhale and a 6 s exhale.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The pattern (open-ended by default). Its exhale is always longer than its inhale.</returns>
    /// <exception cref="InvalidBreathPatternException">An option is out of range; the message names it.</exception>
    public static BreathPattern OceansBreath(OceansBreathOptions? options = null) => Ocean.CreatePattern(options);

    private static BreathPattern CreateThreePart(ThreePartBreathOptions options)
    {
        var seconds = Ticks(options.StartSeconds);
        return BreathPattern.Create("Three-Part Breath")
            .Inhale(seconds, Airway.Nose, CueKeys.ThreePartInhale, s => s
                .Add(BodyRegions.LowerBelly, 1.0 / 3, CueKeys.ThreePartInhaleLowerBelly)
                .Add(BodyRegions.UpperBelly, 1.0 / 3, CueKeys.ThreePartInhaleUpperBelly)
                .Add(BodyRegions.Chest, 1.0 / 3, CueKeys.ThreePartInhaleChest))
            .Exhale(seconds, Airway.Nose, CueKeys.ThreePartExhale, s => s
                .Add(BodyRegions.Chest, 1.0 / 3, CueKeys.ThreePartExhaleChest)
                .Add(BodyRegions.UpperBelly, 1.0 / 3, CueKeys.ThreePartExhaleUpperBelly)
                .Add(BodyRegions.LowerBelly, 1.0 / 3, CueKeys.ThreePartExhaleLowerBelly))
            .Build();
    }

    private static BreathPattern CreateOcean(OceansBreathOptions options)
    {
        var inhale = Ticks(options.StartSeconds);
        var ratio = options.ExhaleRatio;
        if (!double.IsFinite(ratio) || ratio <= 1 || ratio > MaximumExhaleRatio)
        {
            throw new InvalidBreathPatternException("exhaleRatio", Number(ratio), $"expected more than 1 (the exhale is longer than the inhale) and at most {Number(MaximumExhaleRatio)}.");
        }

        // The promise holds after rounding to the tick: a ratio a hair above 1 must still lengthen the exhale.
        var exhale = TimeSpan.FromTicks((long)Math.Round(inhale.Ticks * ratio));
        if (exhale <= inhale)
        {
            throw new InvalidBreathPatternException("exhaleRatio", Number(ratio),
                $"too close to 1: with a {Number(options.StartSeconds)} s inhale the exhale rounds to {ExactSeconds.Text(exhale)}, not longer than the inhale.");
        }

        return BreathPattern.Create("Ocean's Breath")
            .Inhale(inhale, Airway.Nose, CueKeys.OceanInhale)
            .Exhale(exhale, Airway.ThroatConstricted, CueKeys.OceanExhale)
            .Build();
    }

    private static TimeSpan Ticks(double seconds) => TimeSpan.FromTicks(ExactSeconds.Ticks(seconds));

    private static string Number(double value) => ExactSeconds.Number(value);
}
