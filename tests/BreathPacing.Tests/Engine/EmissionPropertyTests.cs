using System.Reactive;
using BreathPacing.Tests.Support;
using CsCheck;

namespace BreathPacing.Tests.Engine;

/// <summary>
/// A model-based check of the emission discipline: random control calls (pause, resume, stop, dispose,
/// unsubscribe, subscribe) made from inside random subscribers at random events, and from outside at random
/// instants, on virtual time. Every subscriber's sequence must equal one reference — the session's history
/// replayed after the end — or, for one that unsubscribed, a prefix of it; nothing may follow a completion, and
/// no boundary may be observed before its ideal instant.
/// </summary>
public class EmissionPropertyTests
{
    private enum Act
    {
        Pause,
        Resume,
        Stop,
        DisposeSession,
        Unsubscribe,
        Subscribe,
        PauseAndResume,
    }

    private static readonly Act[] OutsideActs = [Act.Pause, Act.Resume, Act.Stop, Act.Subscribe, Act.PauseAndResume];

    private static readonly Gen<Act> Acts = Gen.Enum<Act>();

    private static readonly Gen<(int Subscriber, int AtSequence, Act Act)[]> Inside =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 40], Acts).Array[0, 6];

    private static readonly Gen<(int AtMs, Act Act)[]> Outside =
        Gen.Select(Gen.Int[0, 30_000], Gen.Int[0, OutsideActs.Length - 1].Select(i => OutsideActs[i])).Array[0, 4];

    [Fact]
    public void ControlCallsFromInsideAndOutsideCallbacks_EverySubscriberSeesTheOneReferenceSequence()
    {
        Gen.Select(PatternGen.PlainPattern, Gen.Int[1, 4], Inside, Outside).Sample((pattern, cycles, inside, outside) =>
        {
            var time = new VirtualTime();
            var session = new BreathPacer().Start(pattern, SessionLength.Cycles(cycles), time.Scheduler);
            var subscribers = new List<Subscriber>();

            void Do(Act act, Subscriber? self)
            {
                switch (act)
                {
                    case Act.Pause:
                        session.Pause();
                        break;
                    case Act.Resume:
                        session.Resume();
                        break;
                    case Act.PauseAndResume:
                        session.Pause();
                        session.Resume();
                        break;
                    case Act.Stop:
                        session.Stop();
                        break;
                    case Act.DisposeSession:
                        session.Dispose();
                        break;
                    case Act.Unsubscribe when self is not null:
                        self.Unsubscribed = true;
                        self.Subscription?.Dispose();
                        break;
                    case Act.Subscribe when subscribers.Count < 6:
                        Join();
                        break;
                }
            }

            void Join()
            {
                var subscriber = new Subscriber(subscribers.Count, time);
                subscribers.Add(subscriber);
                subscriber.Subscription = session.Events.Subscribe(Observer.Create<BreathEvent>(
                    e =>
                    {
                        subscriber.Recording.OnNext(e);
                        subscriber.SeenAt.Add(time.Elapsed);
                        foreach (var (_, _, act) in inside.Where(t => t.Subscriber == subscriber.Index && t.AtSequence == e.Sequence))
                        {
                            Do(act, subscriber);
                        }
                    },
                    subscriber.Recording.OnError,
                    subscriber.Recording.OnCompleted));
            }

            Join();
            Join();
            foreach (var (at, act) in outside.OrderBy(o => o.AtMs))
            {
                time.AdvanceTo(TimeSpan.FromMilliseconds(Math.Max(at, time.Elapsed.TotalMilliseconds)));
                Do(act, null);
            }

            time.AdvanceBy(TimeSpan.FromHours(2));
            session.Stop(); // a session paused for good still ends, so every stream completes
            time.AdvanceBy(TimeSpan.FromSeconds(1));

            var reference = new Recording();
            using (session.EventsAfter(-1).Subscribe(reference))
            {
            }

            reference.AssertWellFormed();
            reference.Completed.Should().Be(1);
            reference.Events[0].Should().BeOfType<SessionStarted>();
            foreach (var subscriber in subscribers)
            {
                subscriber.Recording.AssertWellFormed();
                if (subscriber.Unsubscribed)
                {
                    reference.Events.Take(subscriber.Recording.Events.Count).Should().Equal(subscriber.Recording.Events);
                }
                else
                {
                    subscriber.Recording.Events.Should().Equal(reference.Events, $"subscriber {subscriber.Index} sees the one sequence");
                    subscriber.Recording.Completed.Should().Be(1);
                }
            }

            // Never early: the first subscriber is live from the start; a boundary comes at its offset plus the pauses before it.
            var first = subscribers[0];
            var pausedBefore = TimeSpan.Zero;
            for (var i = 0; i < first.Recording.Events.Count; i++)
            {
                var e = first.Recording.Events[i];
                if (e is SessionResumed resumed)
                {
                    pausedBefore += resumed.PausedFor;
                }
                else if (e is PhaseStarted or SegmentStarted or CycleCompleted)
                {
                    first.SeenAt[i].Should().BeGreaterThanOrEqualTo(e.Offset + pausedBefore);
                }
            }
        }, iter: 300);
    }

    private sealed class Subscriber(int index, VirtualTime time)
    {
        public int Index { get; } = index;

        public VirtualTime Time { get; } = time;

        public Recording Recording { get; } = new();

        public List<TimeSpan> SeenAt { get; } = [];

        public IDisposable? Subscription { get; set; }

        public bool Unsubscribed { get; set; }
    }
}
