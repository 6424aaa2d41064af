using System.Net;
using BreathPacing.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Web.Tests.Api;

public sealed class UnexpectedFailureTests : IDisposable
{
    private readonly VirtualTimeWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ServerFault_Is500ProblemDocument_WithTheSecurityHeaders_AndNoInternals()
    {
        // A fault no request can cause: the server's clock fails while a session starts.
        using var failing = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FailingClock())));
        var client = failing.CreateClient();

        var response = await client.PostAsync("/api/sessions", WebApi.Json("""{ "techniqueId": "ocean", "cycles": 1 }"""));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var problem = await ProblemShape.AssertAsync(response, "a server fault");
        problem.GetRawText().Should().NotContain("clock is broken", "the exception's message stays in the log").And.NotContain("FailingClock");
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrWhiteSpace();
    }

    private sealed class FailingClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("The clock is broken.");
    }
}
