using System.Reactive.Concurrency;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.ScaleOut;

/// <summary>One redis-server for the scale-out tests (each test keeps to its own key prefix).</summary>
public sealed class RedisFixture : IDisposable
{
    public RedisServer Server { get; } = new();

    public static string NewPrefix() => "bp-test-" + Guid.NewGuid().ToString("N")[..12] + ":";

    public void Dispose() => Server.Dispose();
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "Redis";
}

/// <summary>What several instances on one virtual clock need: wait for their store work, and move time on only then.</summary>
public static class Instances
{
    /// <summary>Waits until no instance has store work in flight (real time, bounded).</summary>
    public static Task IdleAsync(params KestrelWebHost[] hosts) =>
        Eventually.HoldsAsync(() => hosts.All(static h => h.Registry.PendingWork == 0), "every instance's store work is done");

    /// <summary>Waits until every instance running a copy of <paramref name="id"/> follows the stored version.</summary>
    public static async Task SettledAsync(string id, params KestrelWebHost[] hosts)
    {
        var stored = await hosts[0].Registry.Store.GetAsync(id, hosts[0].Scheduler.Now);
        var version = stored?.Version ?? 0;
        await Eventually.HoldsAsync(
            () => hosts.All(h => h.Registry.Find(id) is not { } copy || copy.Version >= version),
            $"every instance follows version {version} of session {id}");
        await IdleAsync(hosts);
    }

    /// <summary>Moves the shared clock on in steps, letting the instances' store work finish after each (as real time would).</summary>
    public static async Task AdvanceAsync(IScheduler clock, double seconds, double step, params KestrelWebHost[] hosts)
    {
        var historical = (HistoricalScheduler)clock;
        for (var done = 0.0; done < seconds; done += step)
        {
            historical.AdvanceBy(TimeSpan.FromSeconds(Math.Min(step, seconds - done)));
            await IdleAsync(hosts);
        }
    }

    /// <summary>Reads until the stream ends (or its connection breaks, as when its instance stops).</summary>
    public static async Task<List<SseEvent>> ReadUntilItEndsAsync(SseClient sse)
    {
        var events = new List<SseEvent>();
        try
        {
            while (await sse.NextAsync() is { } e)
            {
                events.Add(e);
            }
        }
        catch (IOException)
        {
        }
        catch (HttpRequestException)
        {
        }
        catch (OperationCanceledException)
        {
            // Disconnected by the test.
        }

        return events;
    }

    public static IEnumerable<string> Lines(IEnumerable<SseEvent> events) => events.Select(static e => e.ToString());
}
