using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>The arithmetic of progressions, shared by validation and the timeline.</summary>
internal static class ProgressionMath
{
    internal static int ReferenceIndex(ImmutableArray<BreathPhase> phases)
    {
        for (var i = 0; i < phases.Length; i++)
        {
            if (phases[i].Kind == BreathPhaseKind.Inhale)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The number of distinct cycle lengths: the base, each step, and the target.</summary>
    internal static long LevelCount(TimeSpan reference, BreathProgression progression)
    {
        var span = progression.Target.Ticks - reference.Ticks;
        return span <= 0 ? 1 : 1 + ((span + progression.Step.Ticks - 1) / progression.Step.Ticks);
    }

    /// <summary>The reference phase's length at <paramref name="level"/>.</summary>
    internal static long ReferenceTicksAt(long referenceTicks, BreathProgression progression, long level) =>
        Math.Min(referenceTicks + (level * progression.Step.Ticks), progression.Target.Ticks);

    /// <summary>A phase scaled so that the reference goes from <paramref name="referenceTicks"/> to <paramref name="levelReferenceTicks"/>, rounded to the nearest tick.</summary>
    internal static long Scale(long phaseTicks, long referenceTicks, long levelReferenceTicks)
    {
        if (levelReferenceTicks == referenceTicks)
        {
            return phaseTicks;
        }

        var product = (Int128)phaseTicks * levelReferenceTicks;
        return (long)((product + (referenceTicks / 2)) / referenceTicks);
    }

    internal static void Validate(ImmutableArray<BreathPhase> phases, BreathProgression progression)
    {
        var referenceIndex = ReferenceIndex(phases);
        var reference = phases[referenceIndex].Duration;
        if (progression.Target <= reference)
        {
            throw new InvalidBreathPatternException("progression.target", ExactSeconds.Text(progression.Target),
                $"expected a target longer than the first inhale ({ExactSeconds.Text(reference)}): a progression lengthens the breath.");
        }

        var levels = LevelCount(reference, progression);
        if (levels > PatternLimits.MaximumProgressionSteps)
        {
            throw new InvalidBreathPatternException("progression.step", ExactSeconds.Text(progression.Step),
                $"too small: reaching {ExactSeconds.Text(progression.Target)} would take {levels.ToString(System.Globalization.CultureInfo.InvariantCulture)} steps; at most {PatternLimits.MaximumProgressionSteps}.");
        }

        for (var i = 0; i < phases.Length; i++)
        {
            var scaled = TimeSpan.FromTicks(Scale(phases[i].Duration.Ticks, reference.Ticks, progression.Target.Ticks));
            if (scaled > PatternLimits.MaximumPhaseDuration)
            {
                throw new InvalidBreathPatternException("progression.target", ExactSeconds.Text(progression.Target),
                    $"would stretch phases[{i}] to {ExactSeconds.Text(scaled)}, beyond the {ExactSeconds.Text(PatternLimits.MaximumPhaseDuration)} limit.");
            }
        }
    }
}
