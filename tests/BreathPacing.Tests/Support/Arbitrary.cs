using CsCheck;

namespace BreathPacing.Tests.Support;

/// <summary>
/// Generators for property-based tests. <see cref="Pattern"/> makes small patterns whose sessions are quick
/// to run end to end; <see cref="Timeline"/> lays out any valid pattern from <see cref="PatternGen"/>.
/// </summary>
public static class Arbitrary
{
    public static readonly Gen<TimeSpan> PhaseDuration = Gen.Int[1, 1200].Select(hundredths => TimeSpan.FromMilliseconds(hundredths * 10));

    public static readonly Gen<string[]> Regions = Gen.Int[0, 4].Select(n => Enumerable.Range(0, n).Select(i => "r" + i).ToArray());

    public static readonly Gen<(BreathPhaseKind Kind, TimeSpan Duration, Airway Airway, string[] Regions)> Phase =
        Gen.Select(Gen.Enum<BreathPhaseKind>(), PhaseDuration, Gen.Enum<Airway>(), Regions);

    public static readonly Gen<BreathPattern> Pattern =
        Gen.Select(Phase.Array[0, 6], PhaseDuration, PhaseDuration, Gen.Bool, Gen.Int[1, 4]).Select((phases, inhale, exhale, progress, every) =>
        {
            var builder = BreathPattern.Create("generated").Inhale(inhale);
            var lastBreath = BreathPhaseKind.Inhale;
            foreach (var (generated, duration, airway, regions) in phases)
            {
                // A hold keeps what the nearest earlier breath left, and moves no air.
                var isHold = generated is BreathPhaseKind.HoldAfterInhale or BreathPhaseKind.HoldAfterExhale;
                var kind = !isHold ? generated : lastBreath == BreathPhaseKind.Inhale ? BreathPhaseKind.HoldAfterInhale : BreathPhaseKind.HoldAfterExhale;
                lastBreath = isHold ? lastBreath : generated;
                builder.Phase(kind, duration, isHold ? Airway.Unspecified : airway, segments: regions.Length == 0 ? null : s => s.AddEqual(regions));
            }

            builder.Exhale(exhale);
            if (progress)
            {
                // Double the breath in four steps: every phase stays well inside the 10-minute limit.
                builder.WithProgression(BreathProgression.Lengthen(inhale / 4, every, inhale * 2));
            }

            return builder.Build();
        });

    public static readonly Gen<SessionLength> Length = Gen.OneOf(
        Gen.Const(SessionLength.OpenEnded),
        Gen.Int[1, 20].Select(SessionLength.Cycles),
        Gen.Int[1, 600].Select(s => SessionLength.Of(TimeSpan.FromSeconds(s))));

    public static readonly Gen<BreathTimeline> Timeline = Gen.Select(Gen.OneOf(Pattern, PatternGen.Pattern), Length).Select((p, l) => new BreathTimeline(p, l));
}
