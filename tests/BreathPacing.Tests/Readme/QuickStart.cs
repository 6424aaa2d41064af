using System.Reactive.Linq;

namespace BreathPacing.Tests.Readme;

/// <summary>
/// The README's quick start, compiled and run by <see cref="ReadmeSnippetTests"/>. The lines between the
/// markers appear verbatim in README.md (a test checks it), so the README cannot drift from code that works.
/// </summary>
internal static class QuickStart
{
    public static async Task RunAsync(IBreathPacer pacer)
    {
        // <quick-start>
        // Compose a pattern in code; it is validated when built.
        var calm = BreathPattern.Create("calm")
            .Inhale(TimeSpan.FromSeconds(4), Airway.Nose)
            .Exhale(TimeSpan.FromSeconds(6), Airway.ThroatConstricted)
            .Build();

        // A cold stream: subscribing starts a session, disposing the subscription ends it.
        await pacer.Pace(calm, SessionLength.Cycles(2))
            .Do(e => Console.WriteLine($"{e.Offset.TotalSeconds,5:0.0} s  {e.Kind}"))
            .LastAsync();

        // A controllable session of a built-in technique, with frames for animation.
        using var session = pacer.Start(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(1));
        using var frames = session.Frames(TimeSpan.FromSeconds(1.0 / 30))
            .Subscribe(frame => { /* draw frame.Position.LungVolume (0..1) and frame.Position.Segment */ });
        using var regions = session.Events.OfType<SegmentStarted>()
            .Subscribe(s => Console.WriteLine($"{s.Phase.Kind,-7} {s.Region}"));
        var end = (SessionCompleted)await session.Events.LastAsync(); // also: session.Pause(), Resume(), Stop()
        Console.WriteLine($"{end.Summary.CompletedCycles} cycle(s) at {end.Summary.PacedBreathsPerMinute:0.#} breaths/min");
        // </quick-start>
    }

    public static BreathPattern CustomPatterns()
    {
        // <custom-patterns>
        // Phases in any order (holds are optional, a kind may repeat), each with an airway, an optional cue
        // key, and optional body-region segments that share the phase.
        var grounding = BreathPattern.Create("grounding 4-2-6")
            .Inhale(TimeSpan.FromSeconds(4), Airway.Nose, cueKey: "my.inhale", segments: s => s
                .Add(BodyRegions.LowerBelly, 0.5)
                .Add(BodyRegions.Chest, 0.5))
            .HoldAfterInhale(TimeSpan.FromSeconds(2))
            .Exhale(TimeSpan.FromSeconds(6), Airway.Mouth)
            // Lengthen the breath by 1 s every 3 cycles, up to an 8 s inhale; every phase keeps its ratio.
            .WithProgression(BreathProgression.Lengthen(TimeSpan.FromSeconds(1), everyCycles: 3, target: TimeSpan.FromSeconds(8)))
            .WithDefaultLength(SessionLength.Minutes(5)) // rounded up to end on a whole cycle
            .Build();

        // The timeline is pure arithmetic: where is the session 7.5 s in?
        var timeline = new BreathTimeline(grounding);
        BreathPosition at = timeline.At(TimeSpan.FromSeconds(7.5));
        Console.WriteLine($"{at.PhaseKind} {at.PhaseProgress * 100:0}% done, lungs {at.LungVolume:0.00}, cycle {at.CycleIndex + 1} of {timeline.TotalCycles}");
        // Exhale 25% done, lungs 0.75, cycle 1 of 17

        // Invalid input never builds; the message names the field and the value.
        try
        {
            BreathPattern.Create("oops").Inhale(TimeSpan.Zero);
        }
        catch (InvalidBreathPatternException e)
        {
            Console.WriteLine(e.Message); // Invalid phases[0].duration = 0 s: a phase lasts from 0.01 s to 600 s.
        }
        // </custom-patterns>
        return grounding;
    }
}
