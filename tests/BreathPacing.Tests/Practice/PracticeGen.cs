using BreathPacing.Practice;
using BreathPacing.Tests.Support;
using CsCheck;

namespace BreathPacing.Tests.Practice;

/// <summary>Records for tests: scripted ones in a line, and random valid ones for properties.</summary>
internal static class PracticeGen
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 18, 0, 0, TimeSpan.FromHours(1));

    /// <summary>An app's own technique, with its own options type: box breathing, four equal sides.</summary>
    public static readonly BreathTechnique Box = BreathTechnique.Create(
        "box",
        new BoxOptions(),
        o => BreathPattern.Create("Box")
            .Inhale(Ticks(o.StartSeconds))
            .HoldAfterInhale(Ticks(o.StartSeconds * o.HoldShare))
            .Exhale(Ticks(o.StartSeconds))
            .HoldAfterExhale(Ticks(o.StartSeconds * o.HoldShare))
            .Build(),
        minimumSeconds: 2,
        maximumSeconds: 12);

    private static TimeSpan Ticks(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>A finished session of <paramref name="pattern"/>, run by the engine under virtual time.</summary>
    public static (BreathSessionSummary Summary, BreathTimeline Timeline) Run(BreathPattern pattern, SessionLength length, TimeSpan? stopAfter = null)
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(pattern, length, time.Scheduler);
        using var recorder = time.Record(session.Events);
        if (stopAfter is { } stop)
        {
            time.AdvanceBy(stop);
            session.Stop();
        }

        time.AdvanceBy(TimeSpan.FromHours(2));
        return (recorder.Items.OfType<SessionCompleted>().Single().Summary, session.Timeline);
    }

    /// <summary>A Three-Part Breath record (or another technique's), a day after the one before it in a script.</summary>
    public static PracticeRecord Session(double startSeconds, PracticeFeeling? felt, int day = 0, string techniqueId = BreathingTechniques.ThreePartBreathId, BreathTechniqueOptions? options = null)
    {
        options ??= techniqueId == BreathingTechniques.OceansBreathId
            ? new OceansBreathOptions { StartSeconds = startSeconds }
            : new ThreePartBreathOptions { StartSeconds = startSeconds };
        options = SharedTechniqueOptions.Normalise(options);
        var exhale = options is OceansBreathOptions ocean ? startSeconds * ocean.ExhaleRatio : startSeconds;
        return new PracticeRecord(Monday.AddDays(day), techniqueId, "Pattern", options, startSeconds, startSeconds, exhale, 10, 10, TimeSpan.FromSeconds(10 * (startSeconds + exhale)), false, felt);
    }

    /// <summary>Records in a line, one a day: (seconds, feeling).</summary>
    public static PracticeRecord[] Script(params (double Seconds, PracticeFeeling? Felt)[] sessions) =>
        sessions.Select((s, i) => Session(s.Seconds, s.Felt, i)).ToArray();

    public static readonly Gen<PracticeFeeling?> Feeling = Gen.Frequency(
        (1, Gen.Const((PracticeFeeling?)null)),
        (6, Gen.Enum<PracticeFeeling>().Select(f => (PracticeFeeling?)f)));

    /// <summary>A length as a person might set it: whole or half seconds, now and then one with many digits.</summary>
    public static readonly Gen<double> Seconds = Gen.Frequency(
        (4, Gen.Int[2, 40].Select(halves => halves / 2.0)),
        (1, Gen.Double[1, 20]));

    public static readonly Gen<DateTimeOffset> Instant =
        Gen.Select(Gen.Long[0, TimeSpan.TicksPerDay * 400], Gen.Int[-14 * 4, 14 * 4])
            .Select((ticks, quarters) => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks).ToOffset(TimeSpan.FromMinutes(quarters * 15)));

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.Const("Three-Part Breath"),
        Gen.Const("Ocean's Breath"),
        Gen.Const("calm, \"slow\"\nbreath"),
        Gen.Const("=SUM(A1:A2)"),
        Gen.String[Gen.Char.AlphaNumeric, 1, 30]);

    private static readonly Gen<BreathTechniqueOptions> Options =
        Gen.Select(Gen.Int[0, 2], Seconds, Gen.Bool, Seconds, Gen.Double[0.1, 5], Gen.Int[1, 100], Gen.Double[1.01, 3])
            .Select((kind, start, progress, target, step, cycles, ratio) => (BreathTechniqueOptions)(kind switch
            {
                0 => new ThreePartBreathOptions { StartSeconds = start, Progress = progress, TargetSeconds = target, StepSeconds = step, CyclesPerStep = cycles },
                1 => new OceansBreathOptions { StartSeconds = start, Progress = progress, TargetSeconds = target, StepSeconds = step, CyclesPerStep = cycles, ExhaleRatio = ratio },
                _ => SharedTechniqueOptions.From(new BoxOptions { StartSeconds = start, Progress = progress, TargetSeconds = target, StepSeconds = step, CyclesPerStep = cycles }),
            }));

    /// <summary>Any valid record: techniques, custom patterns, open-ended or counted, rated or not.</summary>
    public static readonly Gen<PracticeRecord> AnyRecord =
        Gen.Select(Instant, Gen.OneOf(Gen.Const((string?)null), Gen.Const<string?>(BreathingTechniques.ThreePartBreathId), Gen.Const<string?>(BreathingTechniques.OceansBreathId), Gen.Const<string?>("box")), Name, Options, Seconds, Gen.Int[0, 200], Gen.Int[0, 200])
            .SelectMany((endedAt, techniqueId, name, options, customStart, planned, completed) =>
                Gen.Select(Gen.Long[0, TimeSpan.TicksPerHour], Gen.Bool, Feeling, Gen.Double[1, 3])
                    .Select((active, early, felt, growth) =>
                    {
                        var start = techniqueId is null ? customStart : options.StartSeconds;
                        int? plannedCycles = planned == 0 ? null : planned;
                        var done = plannedCycles is { } p ? Math.Min(completed, p) : completed;
                        return new PracticeRecord(
                            endedAt,
                            techniqueId,
                            name,
                            techniqueId is null ? null : options,
                            start,
                            start * growth,
                            start * growth * 1.5,
                            plannedCycles,
                            done,
                            TimeSpan.FromTicks(active),
                            early,
                            felt);
                    }));

    public static readonly Gen<PracticeRecord[]> Journal = AnyRecord.Array[0, 30];
}

/// <summary>An app's own options: box breathing with holds as a share of the breath.</summary>
internal sealed record BoxOptions : BreathTechniqueOptions
{
    public double HoldShare { get; init; } = 1;
}
