using System.Net;
using System.Text;
using System.Text.Json;

namespace BreathPacing.Web.Tests.Support;

public static class WebApi
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> StartAsync(HttpClient client, string json)
    {
        var response = await client.PostAsync("/api/sessions", Json(json));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts the response is a complete problem document (see <see cref="ProblemShape"/>) and returns it.</summary>
    public static Task<JsonElement> ProblemAsync(HttpResponseMessage response) => ProblemShape.AssertAsync(response);
}
