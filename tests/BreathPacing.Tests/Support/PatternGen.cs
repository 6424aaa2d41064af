using CsCheck;

namespace BreathPacing.Tests.Support;

/// <summary>
/// CsCheck generators of valid breath patterns, covering every part of the model: phase kinds in any order,
/// tick-exact durations across the whole allowed range, airways, cue keys, segments, progressions and default
/// lengths. Every generated pattern is built through the public builder, so it is valid by construction.
/// </summary>
public static class PatternGen
{
    private static readonly long MinPhaseTicks = PatternLimits.MinimumPhaseDuration.Ticks;
    private static readonly long MaxPhaseTicks = PatternLimits.MaximumPhaseDuration.Ticks;

    /// <summary>Text that exercises escaping (quotes, backslashes, accents, spaces to trim) and is valid user text: no control characters or lone surrogates.</summary>
    public static readonly Gen<string> Text =
        Gen.String[Gen.Char["abcxyzABCXYZ0189 .-_'\"\\/éüß→"], 0, 24].Select(s => "k" + s);

    /// <summary>A phase duration anywhere in the allowed range, tick-exact, with round values well represented.</summary>
    public static readonly Gen<TimeSpan> PhaseDuration = Gen.Frequency(
        (3, Gen.Int[1, 60].Select(s => TimeSpan.FromSeconds(s))),
        (2, Gen.Int[1, 1200].Select(tenths => TimeSpan.FromTicks(tenths * TimeSpan.TicksPerSecond / 10))),
        (2, Gen.Long[MinPhaseTicks, 120 * TimeSpan.TicksPerSecond].Select(TimeSpan.FromTicks)),
        (1, Gen.Long[MinPhaseTicks, MaxPhaseTicks].Select(TimeSpan.FromTicks)),
        (1, Gen.Bool.Select(min => min ? PatternLimits.MinimumPhaseDuration : PatternLimits.MaximumPhaseDuration)));

    /// <summary>Segment shares: 1 to 5 positive weights normalised to sum to 1.</summary>
    private static readonly Gen<double[]> Shares =
        Gen.Int[1, 1000].Array[1, 5].Select(weights =>
        {
            double sum = weights.Sum();
            return weights.Select(w => w / sum).ToArray();
        });

    private static readonly Gen<(string Region, double Share, string? CueKey)[]?> Segments =
        Gen.Frequency(
            (3, Gen.Const(((string, double, string?)[]?)null)),
            (1, Gen.Select(Shares, Text.Array[5], Text.Null().Array[5], (shares, regions, cues) =>
                ((string, double, string?)[]?)shares.Select((share, i) => ($"r{i}-{regions[i]}", share, cues[i])).ToArray())));

    private sealed record PhaseSpec(BreathPhaseKind Kind, TimeSpan Duration, Airway Airway, string? CueKey, (string Region, double Share, string? CueKey)[]? Segments);

    private static Gen<PhaseSpec> Phase(Gen<BreathPhaseKind> kind) =>
        Gen.Select(kind, PhaseDuration, Gen.Enum<Airway>(), Text.Null(), Segments, (k, d, a, c, s) => new PhaseSpec(k, d, a, c, s));

    /// <summary>A default session length: open-ended, a number of cycles, or a duration.</summary>
    public static readonly Gen<SessionLength> Length = Gen.Frequency(
        (2, Gen.Const(SessionLength.OpenEnded)),
        (2, Gen.Int[1, PatternLimits.MaximumCycles].Select(SessionLength.Cycles)),
        (1, Gen.Long[1, PatternLimits.MaximumSessionDuration.Ticks].Select(t => SessionLength.Of(TimeSpan.FromTicks(t)))));

    /// <summary>Any valid pattern.</summary>
    public static readonly Gen<BreathPattern> Pattern =
        Gen.Select(
            Text,
            Phase(Gen.Enum<BreathPhaseKind>()).Array[0, 6],
            Phase(Gen.Const(BreathPhaseKind.Inhale)),
            Phase(Gen.Const(BreathPhaseKind.Exhale)),
            Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100]),
            Gen.Bool,
            Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[1, 1000]),
            Length)
        .Select(x => Build(x.Item1, x.Item2, x.Item3, x.Item4, x.Item5.Item1, x.Item5.Item2, x.Item6, x.Item7, x.Item8));

    /// <summary>Valid patterns of plain timed phases only (no airway, cue, segment or progression), as the compact notation can express.</summary>
    public static readonly Gen<BreathPattern> PlainPattern =
        Pattern.Select(p =>
        {
            var builder = BreathPattern.Create(p.Name);
            foreach (var phase in p.Phases)
            {
                builder.Phase(phase.Kind, phase.Duration);
            }

            return builder.WithDefaultLength(p.DefaultLength.Kind == SessionLengthKind.Duration ? SessionLength.OpenEnded : p.DefaultLength).Build();
        });

    private static BreathPattern Build(
        string name, PhaseSpec[] others, PhaseSpec inhale, PhaseSpec exhale, int inhaleAt, int exhaleAt,
        bool progress, (double Target, double Step, int Every) progression, SessionLength length)
    {
        // Insert the required inhale and exhale at generated places among the other phases.
        var phases = others.ToList();
        phases.Insert(inhaleAt % (phases.Count + 1), inhale);
        phases.Insert(exhaleAt % (phases.Count + 1), exhale);

        // A hold keeps what the nearest earlier breath (round the cycle) left, and moves no air.
        for (var i = 0; i < phases.Count; i++)
        {
            if (phases[i].Kind is BreathPhaseKind.HoldAfterInhale or BreathPhaseKind.HoldAfterExhale)
            {
                var breath = Enumerable.Range(1, phases.Count).Select(back => phases[(i - back + phases.Count) % phases.Count].Kind)
                    .First(k => k is BreathPhaseKind.Inhale or BreathPhaseKind.Exhale);
                phases[i] = phases[i] with
                {
                    Kind = breath == BreathPhaseKind.Inhale ? BreathPhaseKind.HoldAfterInhale : BreathPhaseKind.HoldAfterExhale,
                    Airway = Airway.Unspecified,
                };
            }
        }

        var builder = BreathPattern.Create(name);
        foreach (var phase in phases)
        {
            builder.Phase(phase.Kind, phase.Duration, phase.Airway, phase.CueKey, phase.Segments is null ? null : s =>
            {
                foreach (var segment in phase.Segments)
                {
                    s.Add(segment.Region, segment.Share, segment.CueKey);
                }
            });
        }

        if (progress)
        {
            // Choose a target and step inside the model's limits: longer than the first inhale, at most 1000
            // levels, and no phase stretched beyond the maximum.
            var reference = phases.First(p => p.Kind == BreathPhaseKind.Inhale).Duration.Ticks;
            var longest = phases.Max(p => p.Duration.Ticks);
            var maxTarget = Math.Min(MaxPhaseTicks, (long)((Int128)MaxPhaseTicks * reference / longest) - 1);
            if (maxTarget > reference + 1)
            {
                var target = reference + 1 + (long)(progression.Target * (maxTarget - reference - 1));
                var span = target - reference;
                var minStep = (span / 999) + 1;
                var maxStep = Math.Min(MaxPhaseTicks, span * 2);
                var step = minStep + (long)(progression.Step * Math.Max(0, maxStep - minStep));
                builder.WithProgression(BreathProgression.Lengthen(TimeSpan.FromTicks(step), progression.Every, TimeSpan.FromTicks(target)));
            }
        }

        return builder.WithDefaultLength(length).Build();
    }
}
