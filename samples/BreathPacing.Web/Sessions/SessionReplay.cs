using System.Reactive.Concurrency;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// Questions about a session's event stream answered from its snapshot, on a private virtual clock: the snapshot is
/// restored on a <see cref="HistoricalScheduler"/> set to the instant asked about, so everything due by then is generated
/// at once on the calling thread, and nothing runs on the host's scheduler.
/// </summary>
public static class SessionReplay
{
    /// <summary>How many events the session has due by now (the sequence number of its next event once every due one is out).</summary>
    /// <param name="pacer">The host's pacer (its late wake-up policy applies).</param>
    /// <param name="session">The session.</param>
    /// <returns>The count.</returns>
    public static long DueCount(IBreathPacer pacer, BreathSession session)
    {
        var snapshot = session.Snapshot();
        using var copy = pacer.Restore(snapshot, new HistoricalScheduler(snapshot.TakenAt));
        var next = snapshot.Sequence;
        using (copy.EventsAfter(snapshot.Sequence - 1).Subscribe(e => next = e.Sequence + 1))
        {
        }

        return next;
    }

    /// <summary>
    /// The last sequence number up to which two histories of one session emit the same events by <paramref name="now"/>:
    /// what this instance had (<paramref name="mine"/>) and what the store now says (<paramref name="canonical"/>).
    /// </summary>
    /// <param name="pacer">The host's pacer.</param>
    /// <param name="mine">This instance's snapshot of the session.</param>
    /// <param name="canonical">The stored snapshot.</param>
    /// <param name="now">The instant to compare up to.</param>
    /// <returns>The last sequence number both agree on; -1 when they differ from the start.</returns>
    public static long LastAgreed(IBreathPacer pacer, BreathSessionSnapshot mine, BreathSessionSnapshot canonical, DateTimeOffset now)
    {
        var at = new[] { now, mine.TakenAt, canonical.TakenAt }.Max();
        var a = Due(pacer, mine, at);
        var b = Due(pacer, canonical, at);
        for (var i = 0; i < a.Count; i++)
        {
            if (i >= b.Count || !a[i].Equals(b[i]))
            {
                return i - 1;
            }
        }

        return a.Count - 1;
    }

    private static List<BreathEvent> Due(IBreathPacer pacer, BreathSessionSnapshot snapshot, DateTimeOffset at)
    {
        using var copy = pacer.Restore(snapshot, new HistoricalScheduler(at));
        var events = new List<BreathEvent>();
        using (copy.EventsAfter(-1).Subscribe(events.Add))
        {
        }

        return events;
    }
}
