using System.Net;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Hostile;

/// <summary>
/// Per-client limits with the defaults a deployment gets, on real Kestrel. Clients come from distinct loopback
/// addresses (127.0.0.0/8), which is what the limiter partitions by. ASP.NET Core's rate limiter keeps real time;
/// these tests never wait for it to refill, they only spend budgets.
/// </summary>
public sealed class ClientLimitTests
{
    private const string Session = """{ "notation": "4-4", "cycles": 10 }""";

    [Fact]
    public async Task CreateFlood_FromOneAddress_IsLimitedWithRetryAfter_WhileAnotherClientIsServed()
    {
        using var host = new KestrelWebHost();
        using var flooder = host.ClientFrom("127.0.0.2");
        using var neighbour = host.ClientFrom("127.0.0.3");

        var flood = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => flooder.PostAsync("/api/sessions", WebApi.Json(Session))));
        var mine = await neighbour.PostAsync("/api/sessions", WebApi.Json(Session));

        var created = flood.Count(r => r.StatusCode == HttpStatusCode.Created);
        created.Should().BeInRange(10, 12, "the default burst is 10 session starts per address (one more refills every 6 s)");
        var refused = flood.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var response in refused.Take(20))
        {
            var problem = await ProblemShape.AssertAsync(response, "a refused flood request");
            problem.GetProperty("retryAfterSeconds").GetInt32().Should().Be((int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds).And.BeInRange(1, 60);
        }

        mine.StatusCode.Should().Be(HttpStatusCode.Created, "the neighbour has its own budget and the server is far from full");
        var eventsUrl = (await WebApi.StartAsync(neighbour, Session)).GetProperty("eventsUrl").GetString()!;
        await using var sse = await SseClient.ConnectAsync(neighbour, eventsUrl);
        sse.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await neighbour.GetAsync("/api/techniques")).StatusCode.Should().Be(HttpStatusCode.OK);
        host.Registry.ActiveCount.Should().Be(created + 2);
    }

    [Fact]
    public async Task Reads_HaveTheirOwnBudget_SoExhaustingThemLeavesSessionStartsAvailable()
    {
        using var host = new KestrelWebHost();
        using var client = host.ClientFrom("127.0.0.4");

        var reads = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.GetAsync("/api/techniques/ocean")));

        reads.Count(r => r.StatusCode == HttpStatusCode.OK).Should().BeInRange(120, 160, "the default burst is 120 requests, plus the 4 a second that refill meanwhile");
        var refused = reads.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        (await ProblemShape.AssertAsync(refused)).GetProperty("detail").GetString().Should().Contain("API requests");
        (await client.PostAsync("/api/sessions", WebApi.Json(Session))).StatusCode.Should().Be(HttpStatusCode.Created, "starting a session is a separate budget");
        (await host.ClientFrom("127.0.0.5").GetAsync("/api/techniques/ocean")).StatusCode.Should().Be(HttpStatusCode.OK, "another address is unaffected");
    }

    [Fact]
    public async Task SessionsPerClient_AreCapped_AndStoppingOneFreesAPlace()
    {
        using var host = new KestrelWebHost(("MaxSessionsPerClient", "3"));
        using var client = host.ClientFrom("127.0.0.6");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await WebApi.StartAsync(client, Session)).GetProperty("id").GetString()!);
        }

        var fourth = await client.PostAsync("/api/sessions", WebApi.Json(Session));

        fourth.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await ProblemShape.AssertAsync(fourth)).GetProperty("detail").GetString().Should().Contain("maximum of 3 running sessions");
        (await host.ClientFrom("127.0.0.7").PostAsync("/api/sessions", WebApi.Json(Session))).StatusCode.Should().Be(HttpStatusCode.Created);

        (await client.DeleteAsync($"/api/sessions/{ids[0]}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.PostAsync("/api/sessions", WebApi.Json(Session))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ServerSessionCap_Is429WithRetryAfter()
    {
        using var host = new KestrelWebHost(("MaxConcurrentSessions", "2"));
        await WebApi.StartAsync(host.ClientFrom("127.0.0.8"), Session);
        await WebApi.StartAsync(host.ClientFrom("127.0.0.9"), Session);

        var third = await host.ClientFrom("127.0.0.10").PostAsync("/api/sessions", WebApi.Json(Session));

        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await ProblemShape.AssertAsync(third)).GetProperty("detail").GetString().Should().Contain("maximum of 2 sessions");
    }
}
