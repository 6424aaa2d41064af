using System.Reactive.Linq;
using BreathPacing.Engine;
using BreathPacing.Patterns;
using BreathPacing.Techniques;

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
        Console.WriteLine($"{end.Summary.CompletedCycles} cycle(s), {end.Summary.BreathsPerMinute:0.#} breaths/min");
        // </quick-start>
    }
}
