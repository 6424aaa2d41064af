using System.Globalization;
using System.Net.ServerSentEvents;
using System.Reactive.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using BreathPacing.Web.Content;
using BreathPacing.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Api;

/// <summary>The session routes: start, stream events, pause, resume, stop.</summary>
public static class SessionEndpoints
{
    /// <summary>Maps the session routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/sessions").WithTags("Sessions");
        sessions.MapPost("/", Create).WithName("StartSession").WithSummary("Starts a session of a technique, a notation or a pattern.");
        sessions.MapGet("/{id}/events", Events).WithName("SessionEvents")
            .WithSummary("The session's events as Server-Sent Events; send Last-Event-ID to resume after an event.");
        sessions.MapPost("/{id}/pause", Pause).WithName("PauseSession").WithSummary("Pauses the session.");
        sessions.MapPost("/{id}/resume", Resume).WithName("ResumeSession").WithSummary("Resumes the session.");
        sessions.MapDelete("/{id}", Stop).WithName("StopSession").WithSummary("Stops the session and forgets it.");
        return app;
    }

    private static Results<Created<SessionCreated>, ProblemHttpResult> Create(
        CreateSessionRequest request, PatternResolver resolver, SessionRegistry registry, PatternFormats formats)
    {
        var resolved = resolver.Resolve(request);
        if (resolved.Problem is not null)
        {
            return resolved.Problem;
        }

        var timeline = resolved.Timeline!;
        if (!registry.TryStart(timeline, resolved.TechniqueId, out var session))
        {
            return Problems.TooManySessions(registry.Options.MaxConcurrentSessions);
        }

        var pattern = timeline.Pattern;
        var visual = pattern.Phases.Any(static p => !p.Segments.IsDefaultOrEmpty) ? "body" : "wave";
        var eventsUrl = $"/api/sessions/{session!.Id}/events";
        var body = new SessionCreated(session.Id, pattern.Name, resolved.TechniqueId, visual, session.StartedAt, eventsUrl,
            timeline.TotalCycles, timeline.TotalDuration?.TotalMilliseconds, PhaseView.Of(timeline), formats.ToJson(pattern));
        return TypedResults.Created($"/api/sessions/{session.Id}", body);
    }

    private static Results<ServerSentEventsResult<string>, ProblemHttpResult> Events(
        string id,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        SessionRegistry registry,
        EventMapper mapper,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        HttpContext context)
    {
        if (registry.Find(id) is not { } session)
        {
            return Problems.UnknownSession(id);
        }

        var after = -1L;
        if (!string.IsNullOrWhiteSpace(lastEventId)
            && (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return Problems.BadRequest($"Last-Event-ID = '{lastEventId}': expected the sequence number of an event received earlier.",
                new Dictionary<string, object?> { ["field"] = "Last-Event-ID" });
        }

        return TypedResults.ServerSentEvents(Stream(session, after, mapper, json.Value.SerializerOptions, context.RequestAborted));
    }

    /// <summary>
    /// The events after <paramref name="after"/>, live until the session completes. Each payload is stamped as
    /// the engine emits the event (or, for events replayed to a late client, as it is replayed). The
    /// subscription and its buffer live exactly as long as the request: a client that disconnects detaches at once.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Stream(
        WebSession session, long after, EventMapper mapper, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<EventPayload>(new UnboundedChannelOptions { SingleReader = true });
        using var client = session.AttachClient();
        using var subscription = session.Session.Events
            .Where(e => e.Sequence > after)
            .Subscribe(e => channel.Writer.TryWrite(mapper.Map(session, e)), error => channel.Writer.TryComplete(error), () => channel.Writer.TryComplete());

        await foreach (var payload in channel.Reader.ReadAllAsync(cancellationToken))
        {
            var data = JsonSerializer.Serialize(payload, payload.GetType(), json);
            yield return new SseItem<string>(data, payload.Kind.ToString()) { EventId = payload.Sequence.ToString(CultureInfo.InvariantCulture) };
        }
    }

    private static Results<Ok<SessionStateView>, ProblemHttpResult> Pause(string id, SessionRegistry registry) =>
        Control(id, registry, static s => s.Pause());

    private static Results<Ok<SessionStateView>, ProblemHttpResult> Resume(string id, SessionRegistry registry) =>
        Control(id, registry, static s => s.Resume());

    private static Results<Ok<SessionStateView>, ProblemHttpResult> Control(string id, SessionRegistry registry, Action<BreathSession> action)
    {
        if (registry.Find(id) is not { } session)
        {
            return Problems.UnknownSession(id);
        }

        if (session.Session.State == BreathSessionState.Completed)
        {
            return Problems.SessionCompleted(id);
        }

        action(session.Session);
        return TypedResults.Ok(View(session));
    }

    private static Results<NoContent, ProblemHttpResult> Stop(string id, SessionRegistry registry) =>
        registry.Remove(id) ? TypedResults.NoContent() : Problems.UnknownSession(id);

    private static SessionStateView View(WebSession session) =>
        new(session.Id, JsonNamingPolicy.CamelCase.ConvertName(session.Session.State.ToString()), session.Session.Position.Elapsed.TotalMilliseconds);
}
