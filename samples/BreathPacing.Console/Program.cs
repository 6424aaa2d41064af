using System.Globalization;
using System.Reactive.Linq;
using BreathPacing.Engine;
using BreathPacing.Patterns;
using BreathPacing.Techniques;

// A first, plain host: paces Three-Part Breath for three cycles, one line per event.
var pacer = new BreathPacer();
var pattern = BreathingTechniques.ThreePartBreath();
Console.WriteLine($"{pattern.Name}: 3 cycles of {pattern.CycleDuration.TotalSeconds:0.#} s. Breathe along.");
await pacer.Pace(pattern, SessionLength.Cycles(3)).Do(e => Console.WriteLine(Describe(e))).LastOrDefaultAsync();

static string Describe(BreathEvent e)
{
    var at = e.Offset.ToString(@"mm\:ss\.f", CultureInfo.InvariantCulture);
    return e switch
    {
        PhaseStarted p => $"{at}  cycle {p.CycleIndex + 1}  {p.PhaseKind,-7} {p.Duration.TotalSeconds:0.0} s",
        SegmentStarted s => $"{at}  cycle {s.CycleIndex + 1}          {s.Region}",
        SessionCompleted c => $"{at}  done: {c.Summary.CompletedCycles} cycles, {c.Summary.BreathsPerMinute:0.#} breaths/min",
        _ => $"{at}  {e.Kind}",
    };
}
