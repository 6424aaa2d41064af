using BreathPacing;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BreathPacing.Grounding;
using Microsoft.Extensions.DependencyInjection;

// Everything here uses only the package's public API, as a user's app would.
var failures = new List<string>();
void Check(bool ok, string what)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    if (!ok)
    {
        failures.Add(what);
    }
}

// 1. Compose a custom pattern with the builder.
var custom = BreathPattern.Create("consumer calm")
    .Inhale(TimeSpan.FromSeconds(4), Airway.Nose)
    .HoldAfterInhale(TimeSpan.FromSeconds(2))
    .Exhale(TimeSpan.FromSeconds(6), Airway.ThroatConstricted)
    .Build();
Check(custom.CycleDuration == TimeSpan.FromSeconds(12), $"custom pattern built: {custom}");

// 2. Register with DI and run Three-Part Breath for two cycles under virtual time.
var virtualTime = new HistoricalScheduler(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
using var services = new ServiceCollection().AddSingleton<IScheduler>(virtualTime).AddBreathPacing().BuildServiceProvider();
var pacer = services.GetRequiredService<IBreathPacer>();
var events = new List<(TimeSpan At, BreathEvent Event)>();
var start = virtualTime.Now;
using (pacer.Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(2)).Subscribe(e => events.Add((virtualTime.Now - start, e))))
{
    virtualTime.AdvanceBy(TimeSpan.FromMinutes(1));
}

foreach (var (at, e) in events.Where(x => x.Event is PhaseStarted or SessionCompleted))
{
    Console.WriteLine($"     {at.TotalSeconds,5:0.0} s  {e.Kind}{(e is PhaseStarted p ? " " + p.PhaseKind : string.Empty)}");
}

Check(events.Count == 20, $"three-part breath, two cycles: {events.Count} events");
Check(events.All(e => e.At == e.Event.Offset), "every event on its exact ideal instant");
Check(events[^1].Event is SessionCompleted { Summary.CompletedCycles: 2 } && events[^1].At == TimeSpan.FromSeconds(16), "completed after 16 s");

// 3. List the grounding techniques, from the catalog registered by AddBreathPacing().
var catalog = services.GetRequiredService<IGroundingCatalog>();
foreach (var technique in catalog.Techniques)
{
    Console.WriteLine($"     {technique.Name}: {technique.Steps.Length} steps");
}

Check(catalog.Techniques.Length == 2 && catalog.Find("ujjayi")?.Id == BreathingTechniques.OceansBreathId, "techniques listed and found by alias");

Console.WriteLine(failures.Count == 0 ? "PACKAGE CONSUMER OK" : $"PACKAGE CONSUMER FAILED: {failures.Count}");
return failures.Count == 0 ? 0 : 1;
