using System.Collections.Immutable;
using System.Reactive.Disposables;

namespace BreathPacing;

/// <summary>
/// The multicast side of a <see cref="BreathSession"/>: keeps the session's events so a late subscriber
/// sees the whole session from its start, then live events. Each subscriber is isolated: one that throws
/// is detached and reported, and the others carry on. Called only under the session's lock, so
/// emissions are serialized; subscription takes the same lock so replay and live events never interleave.
/// </summary>
internal sealed class EventHub : IObserver<BreathEvent>, IObservable<BreathEvent>
{
    private readonly List<BreathEvent> _history = [];
    private readonly BreathPacingOptions _options;
    private ImmutableArray<IObserver<BreathEvent>> _observers = [];
    private bool _completed;

    public EventHub(BreathPacingOptions options) => _options = options;

    public object Gate { get; } = new();

    public IDisposable Subscribe(IObserver<BreathEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (Gate)
        {
            foreach (var e in _history)
            {
                if (!Deliver(observer, e))
                {
                    return Disposable.Empty;
                }
            }

            if (_completed)
            {
                observer.OnCompleted();
                return Disposable.Empty;
            }

            _observers = _observers.Add(observer);
            return Disposable.Create(() =>
            {
                lock (Gate)
                {
                    _observers = _observers.Remove(observer);
                }
            });
        }
    }

    public void OnNext(BreathEvent value)
    {
        lock (Gate)
        {
            _history.Add(value);
            foreach (var observer in _observers)
            {
                if (!Deliver(observer, value))
                {
                    _observers = _observers.Remove(observer);
                }
            }
        }
    }

    public void OnCompleted()
    {
        lock (Gate)
        {
            _completed = true;
            var observers = _observers;
            _observers = [];
            foreach (var observer in observers)
            {
                try
                {
                    observer.OnCompleted();
                }
                catch (Exception ex)
                {
                    _options.ReportSubscriberException(ex);
                }
            }
        }
    }

    public void OnError(Exception error) => OnCompleted();

    private bool Deliver(IObserver<BreathEvent> observer, BreathEvent e)
    {
        try
        {
            observer.OnNext(e);
            return true;
        }
        catch (Exception ex)
        {
            _options.ReportSubscriberException(ex);
            return false;
        }
    }
}
