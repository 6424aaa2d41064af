using System.Globalization;
using System.Net;
using System.Text;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Api;

/// <summary>
/// On a real Kestrel port (whose own body limit is the host's 32 KiB default): the practice routes read a journal of
/// several hundred KiB, declared or chunked, while every other route keeps the default.
/// </summary>
public sealed class PracticeBodyLimitTests : IDisposable
{
    private readonly KestrelWebHost _host = new(KestrelWebHost.Generous);

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Statistics_OfAJournalOfSeveralHundredKiB_AreCounted_DeclaredOrChunked(bool chunked)
    {
        using var client = _host.ClientFrom();
        var records = string.Join(",", Enumerable.Range(0, 1_200).Select(Record));
        var body = $$"""{ "records": [{{records}}], "days": 28 }""";
        Encoding.UTF8.GetByteCount(body).Should().BeInRange(256 * 1024, 512 * 1024);
        HttpContent content = chunked ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) : WebApi.Json(body);
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/practice/statistics", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"sessions\":1200");
    }

    [Fact]
    public async Task SessionStart_OverTheDefaultLimit_Is413()
    {
        using var client = _host.ClientFrom();

        var response = await client.PostAsync("/api/sessions", WebApi.Json("{ \"techniqueId\": \"ocean\"" + new string(' ', 40 * 1024) + "}"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await WebApi.ProblemAsync(response);
    }

    // A version-1 record of a 40 s Three-Part Breath session, one every 3 hours back from the virtual clock's start.
    private static string Record(int i)
    {
        var endedAt = VirtualTimeWebFactory.Epoch.AddHours(-3 * (i + 1)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        return $$"""{"endedAt":"{{endedAt}}","techniqueId":"three-part-breath","patternName":"Three-Part Breath","startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"plannedCycles":5,"completedCycles":5,"activeSeconds":40,"endedEarly":false,"feeling":"comfortable"}""";
    }
}
