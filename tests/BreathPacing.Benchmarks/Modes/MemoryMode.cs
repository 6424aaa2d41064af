using System.Globalization;
using System.Reactive.Concurrency;
using BreathPacing.Benchmarks.Harness;

namespace BreathPacing.Benchmarks.Modes;

/// <summary>
/// Does a session's memory grow with its length? N open-ended sessions of a quick pattern (250 ms in, 250 ms out) on
/// virtual time, each with one subscriber and one pause an hour, are run for 10 virtual hours. Retained managed bytes
/// per session are measured after a minute, an hour and ten hours, and a late subscriber replays the last events of
/// each to show replay still works without a stored history.
/// </summary>
public static class MemoryMode
{
    public static int Run(HarnessArgs args)
    {
        var smoke = args.Flag("smoke");
        var sessions = args.Int("sessions", smoke ? 20 : 1_000);
        var hours = args.Number("hours", smoke ? 1 : 10);
        args.RejectUnknown();

        Machine.PrintHeader("memory");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sessions={sessions} virtual hours={hours} (250 ms in, 250 ms out, open-ended; a pause a virtual hour)"));

        var pattern = BreathPattern.Create("quick").Inhale(TimeSpan.FromMilliseconds(250)).Exhale(TimeSpan.FromMilliseconds(250)).Build();
        var time = new HistoricalScheduler();
        var pacer = new BreathPacer(new BreathPacingOptions { Scheduler = time });
        var baseline = Machine.ManagedBytesAfterFullGc();
        var running = new List<BreathSession>(sessions);
        var counters = new long[sessions];
        for (var i = 0; i < sessions; i++)
        {
            var index = i;
            var session = pacer.Start(pattern, SessionLength.OpenEnded);
            session.Events.Subscribe(_ => counters[index]++);
            running.Add(session);
        }

        var rows = new List<(string At, double BytesPerSession, long Events)>();
        void Measure(string at) => rows.Add((at, (Machine.ManagedBytesAfterFullGc() - baseline) / (double)sessions, counters.Sum()));

        time.AdvanceBy(TimeSpan.FromMinutes(1));
        Measure("1 min");
        for (var hour = 1; hour <= hours; hour++)
        {
            time.AdvanceBy(TimeSpan.FromMinutes(hour == 1 ? 58 : 59));
            foreach (var s in running)
            {
                s.Pause();
            }

            time.AdvanceBy(TimeSpan.FromSeconds(30));
            foreach (var s in running)
            {
                s.Resume();
            }

            time.AdvanceBy(TimeSpan.FromSeconds(30));
            if (hour == 1 || hour == (int)hours)
            {
                Measure($"{hour} h");
            }
        }

        // Replay without a stored history: the last three events of every session, regenerated.
        var replayed = 0L;
        for (var i = 0; i < sessions; i++)
        {
            using var late = running[i].EventsAfter(counters[i] - 4).Subscribe(_ => replayed++);
        }

        foreach (var s in running)
        {
            s.Dispose();
        }

        Console.WriteLine();
        Console.WriteLine("| after | events per session | retained bytes per session |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (at, bytes, events) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {at} | {events / sessions:N0} | {bytes:0} |"));
        }

        var first = rows[0].BytesPerSession;
        var last = rows[^1].BytesPerSession;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT mode=memory name=open-ended-{hours:0}h sessions={sessions} bytes_per_session_1min={first:0} bytes_per_session_end={last:0} growth_bytes={last - first:0} events_per_session={rows[^1].Events / sessions} replayed={replayed}"));
        return replayed == sessions * 3L ? 0 : 1;
    }
}
