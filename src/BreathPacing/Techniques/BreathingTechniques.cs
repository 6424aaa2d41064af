using System.Globalization;
using BreathPacing.Patterns;

namespace BreathPacing.Techniques;

/// <summary>The built-in grounding breaths, as ready-made patterns.</summary>
public static class BreathingTechniques
{
    /// <summary>The id of Three-Part Breath in the technique catalog.</summary>
    public const string ThreePartBreathId = "three-part-breath";

    /// <summary>The id of Ocean's Breath in the technique catalog.</summary>
    public const string OceansBreathId = "oceans-breath";

    /// <summary>
    /// Three-Part Breath: the inhale fills the lower belly, then the upper belly, then the chest; the exhale
    /// empties the chest, then the upper belly, then the lower belly with the core drawn in. Each region takes
    /// a third of its phase. By default 4 s each way; with <see cref="ThreePartBreathOptions.Progress"/> the
    /// breaths lengthen step by step toward 10 s, inhale and exhale staying equal.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The pattern (open-ended by default).</returns>
    /// <exception cref="InvalidBreathPatternException">An option is out of range; the message names it.</exception>
    public static BreathPattern ThreePartBreath(ThreePartBreathOptions? options = null)
    {
        options ??= new ThreePartBreathOptions();
        var start = Seconds("threePartBreath.startSeconds", options.StartSeconds, ThreePartBreathOptions.MinimumSeconds, ThreePartBreathOptions.MaximumSeconds);
        var builder = BreathPattern.Create("Three-Part Breath")
            .Inhale(start, Airway.Nose, CueKeys.ThreePartInhale, s => s
                .Add(BodyRegions.LowerBelly, 1.0 / 3, CueKeys.ThreePartInhaleLowerBelly)
                .Add(BodyRegions.UpperBelly, 1.0 / 3, CueKeys.ThreePartInhaleUpperBelly)
                .Add(BodyRegions.Chest, 1.0 / 3, CueKeys.ThreePartInhaleChest))
            .Exhale(start, Airway.Nose, CueKeys.ThreePartExhale, s => s
                .Add(BodyRegions.Chest, 1.0 / 3, CueKeys.ThreePartExhaleChest)
                .Add(BodyRegions.UpperBelly, 1.0 / 3, CueKeys.ThreePartExhaleUpperBelly)
                .Add(BodyRegions.LowerBelly, 1.0 / 3, CueKeys.ThreePartExhaleLowerBelly));

        if (options.Progress)
        {
            var target = Seconds("threePartBreath.targetSeconds", options.TargetSeconds, options.StartSeconds, ThreePartBreathOptions.MaximumSeconds);
            if (target <= start)
            {
                throw new InvalidBreathPatternException("threePartBreath.targetSeconds", Format(options.TargetSeconds), $"expected more than startSeconds ({Format(options.StartSeconds)}) when progressing.");
            }

            var step = Seconds("threePartBreath.stepSeconds", options.StepSeconds, 0, 5);
            if (options.CyclesPerStep is < 1 or > 100)
            {
                throw new InvalidBreathPatternException("threePartBreath.cyclesPerStep", options.CyclesPerStep.ToString(CultureInfo.InvariantCulture), "expected from 1 to 100 cycles per step.");
            }

            builder.WithProgression(BreathProgression.Lengthen(step, options.CyclesPerStep, target));
        }

        return builder.Build();
    }

    /// <summary>
    /// Ocean's Breath (ujjayi): inhale through the nose; exhale through a gently narrowed throat, making a
    /// soft wave sound, for longer than the inhale. By default a 4 s inhale and a 6 s exhale.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The pattern (open-ended by default). Its exhale is always longer than its inhale.</returns>
    /// <exception cref="InvalidBreathPatternException">An option is out of range; the message names it.</exception>
    public static BreathPattern OceansBreath(OceansBreathOptions? options = null)
    {
        options ??= new OceansBreathOptions();
        var inhale = Seconds("oceansBreath.inhaleSeconds", options.InhaleSeconds, ThreePartBreathOptions.MinimumSeconds, ThreePartBreathOptions.MaximumSeconds);
        if (double.IsNaN(options.ExhaleRatio) || options.ExhaleRatio <= 1 || options.ExhaleRatio > 3)
        {
            throw new InvalidBreathPatternException("oceansBreath.exhaleRatio", Format(options.ExhaleRatio), "expected more than 1 (the exhale is longer than the inhale) and at most 3.");
        }

        var exhale = TimeSpan.FromTicks((long)Math.Round(inhale.Ticks * options.ExhaleRatio));
        return BreathPattern.Create("Ocean's Breath")
            .Inhale(inhale, Airway.Nose, CueKeys.OceanInhale)
            .Exhale(exhale, Airway.ThroatConstricted, CueKeys.OceanExhale)
            .Build();
    }

    private static TimeSpan Seconds(string field, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max || value <= 0)
        {
            throw new InvalidBreathPatternException(field, Format(value), $"expected from {Format(min)} to {Format(max)} seconds.");
        }

        return TimeSpan.FromTicks((long)Math.Round(value * TimeSpan.TicksPerSecond));
    }

    private static string Format(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.###", CultureInfo.InvariantCulture);
}
