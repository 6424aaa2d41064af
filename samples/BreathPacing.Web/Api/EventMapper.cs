using BreathPacing.Web.Content;
using BreathPacing.Web.Sessions;

namespace BreathPacing.Web.Api;

/// <summary>
/// Turns engine events into the payloads sent on the wire, stamped with the server's time. Phase and segment
/// payloads carry the library's lung volume and per-region fill at both ends of their span, read from the
/// session's timeline (<see cref="BreathTimeline.At"/>, <see cref="BreathPosition.FillOf(int)"/>), so the page
/// draws what the library computes instead of deriving it again.
/// </summary>
public sealed class EventMapper(TimeProvider time, GuidanceText guidance)
{
    /// <summary>The payload of <paramref name="e"/>, stamped now.</summary>
    /// <param name="session">The session the event belongs to.</param>
    /// <param name="e">The event.</param>
    /// <returns>Its payload.</returns>
    public EventPayload Map(WebSession session, BreathEvent e)
    {
        var serverTime = time.GetUtcNow();
        var position = session.Session.Position;
        var state = session.Session.State;
        var offset = e.Offset.TotalMilliseconds;
        var elapsed = position.Elapsed.TotalMilliseconds;
        var timeline = session.Session.Timeline;
        return e switch
        {
            SessionStarted s => new SessionStartedPayload
            {
                Sequence = e.Sequence, Kind = e.Kind, OffsetMs = offset, ServerTime = serverTime, ElapsedMs = elapsed, State = state,
                Name = s.Pattern.Name, TotalCycles = s.TotalCycles, TotalDurationMs = s.TotalDuration?.TotalMilliseconds,
                Regions = timeline.Regions,
            },
            PhaseStarted p => new PhaseStartedPayload
            {
                Sequence = e.Sequence, Kind = e.Kind, OffsetMs = offset, ServerTime = serverTime, ElapsedMs = elapsed, State = state,
                CycleIndex = p.CycleIndex, PhaseIndex = p.PhaseIndex, PhaseKind = p.PhaseKind, Airway = p.Airway,
                DurationMs = p.Duration.TotalMilliseconds, CueKey = p.Phase.CueKey, Cue = guidance.CueFor(e),
                VolumeAtStart = timeline.At(p.Offset).LungVolume, VolumeAtEnd = timeline.At(p.Offset + p.Duration).LungVolume,
                FillsAtStart = Fills(timeline.At(p.Offset)), FillsAtEnd = Fills(timeline.At(p.Offset + p.Duration)),
            },
            SegmentStarted g => new SegmentStartedPayload
            {
                Sequence = e.Sequence, Kind = e.Kind, OffsetMs = offset, ServerTime = serverTime, ElapsedMs = elapsed, State = state,
                CycleIndex = g.CycleIndex, PhaseIndex = g.PhaseIndex, SegmentIndex = g.SegmentIndex, PhaseKind = g.Phase.Kind,
                Region = g.Region, DurationMs = g.Duration.TotalMilliseconds, CueKey = g.Segment.CueKey, Cue = guidance.CueFor(e),
                FillsAtStart = Fills(timeline.At(g.Offset)), FillsAtEnd = Fills(timeline.At(g.Offset + g.Duration)),
            },
            CycleCompleted c => new CycleCompletedPayload
            {
                Sequence = e.Sequence, Kind = e.Kind, OffsetMs = offset, ServerTime = serverTime, ElapsedMs = elapsed, State = state,
                CycleIndex = c.CycleIndex,
            },
            SessionPaused => new SessionPausedPayload
            {
                Sequence = e.Sequence, Kind = e.Kind, OffsetMs = offset, ServerTime = serverTime, ElapsedMs = elapsed, State = state,
            },
            SessionResumed r => new SessionResumedPayload
            {
                Sequence = e.Sequence, Kind = e.Kind, OffsetMs = offset, ServerTime = serverTime, ElapsedMs = elapsed, State = state,
                PausedForMs = r.PausedFor.TotalMilliseconds,
            },
            SessionSkippedAhead k => new SessionSkippedAheadPayload
            {
                Sequence = e.Sequence, Kind = e.Kind, OffsetMs = offset, ServerTime = serverTime, ElapsedMs = elapsed, State = state,
                MissedFromMs = k.MissedFrom.TotalMilliseconds, MissedEvents = k.MissedEvents, CycleIndex = k.Position.CycleIndex,
                PhaseIndex = k.Position.PhaseIndex, PhaseKind = k.Position.PhaseKind, PhaseStartMs = k.Position.PhaseStart.TotalMilliseconds,
                PhaseDurationMs = k.Position.PhaseDuration.TotalMilliseconds, SegmentIndex = k.Position.SegmentIndex,
                VolumeAtPhaseStart = timeline.At(k.Position.PhaseStart).LungVolume,
                VolumeAtPhaseEnd = timeline.At(k.Position.PhaseStart + k.Position.PhaseDuration).LungVolume,
                Fills = Fills(k.Position),
            },
            SessionCompleted c => new SessionCompletedPayload
            {
                Sequence = e.Sequence, Kind = e.Kind, OffsetMs = offset, ServerTime = serverTime, ElapsedMs = elapsed, State = state,
                CompletedCycles = c.Summary.CompletedCycles, PlannedCycles = c.Summary.PlannedCycles, PartialCycle = c.Summary.PartialCycle,
                BreathsPerCycle = timeline.Pattern.BreathsPerCycle, EndPosition = EndPositionPayload.Of(c.Summary.EndPosition),
                PacedBreathsPerMinute = c.Summary.PacedBreathsPerMinute, Progression = timeline.Pattern.Progression is not null,
                ActiveTimeMs = c.Summary.ActiveTime.TotalMilliseconds, PausedTimeMs = c.Summary.PausedTime.TotalMilliseconds,
                InhaleToExhaleRatio = c.Summary.InhaleToExhaleRatio, EndedEarly = c.Summary.EndedEarly,
                SelfCare = guidance.SelfCareFor(session.Id),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Unknown event kind."),
        };
    }

    // Every region's fill at one position, in the order of BreathTimeline.Regions.
    private static double[] Fills(BreathPosition position)
    {
        var fills = new double[position.Regions.Length];
        for (var i = 0; i < fills.Length; i++)
        {
            fills[i] = position.FillOf(i);
        }

        return fills;
    }
}
