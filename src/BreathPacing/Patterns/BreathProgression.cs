namespace BreathPacing;

/// <summary>
/// Lengthens a pattern's breaths as the session goes on: every <see cref="EveryCycles"/> cycles the
/// first inhale grows by <see cref="Step"/> until it reaches <see cref="Target"/>, and every other phase
/// grows in proportion, so the pattern's ratios hold. Durations change only between cycles, never
/// mid-phase. Immutable and thread-safe.
/// </summary>
/// <example>Three-Part Breath from 4 s to 10 s, one second longer every 3 cycles:
/// <code>BreathProgression.Lengthen(TimeSpan.FromSeconds(1), everyCycles: 3, target: TimeSpan.FromSeconds(10))</code></example>
public sealed record BreathProgression
{
    private BreathProgression(TimeSpan step, int everyCycles, TimeSpan target)
    {
        Step = step;
        EveryCycles = everyCycles;
        Target = target;
    }

    /// <summary>How much the reference phase (the first inhale) grows at each step.</summary>
    public TimeSpan Step { get; }

    /// <summary>How many cycles run at each length before the next step.</summary>
    public int EveryCycles { get; }

    /// <summary>The reference phase's final duration; later cycles stay at it.</summary>
    public TimeSpan Target { get; }

    /// <summary>Creates a progression. The pattern it is added to checks that the target is above its first inhale.</summary>
    /// <param name="step">The growth of the reference phase per step; positive, at most 10 minutes.</param>
    /// <param name="everyCycles">Cycles per step, from 1 to 1,000.</param>
    /// <param name="target">The reference phase's final duration, at most 10 minutes.</param>
    /// <exception cref="InvalidBreathPatternException">A value is out of range; the message names it.</exception>
    public static BreathProgression Lengthen(TimeSpan step, int everyCycles, TimeSpan target)
    {
        if (step <= TimeSpan.Zero || step > PatternLimits.MaximumPhaseDuration)
        {
            throw new InvalidBreathPatternException("progression.step", ExactSeconds.Text(step),
                $"expected a positive step of at most {ExactSeconds.Text(PatternLimits.MaximumPhaseDuration)}.");
        }

        if (everyCycles is < 1 or > 1000)
        {
            throw new InvalidBreathPatternException("progression.everyCycles", PatternLimits.Count(everyCycles),
                "expected from 1 to 1000 cycles per step.");
        }

        PatternLimits.CheckPhaseDuration("progression.target", target);
        return new BreathProgression(step, everyCycles, target);
    }
}
