using System.Globalization;
using System.Text.Json;
using BreathPacing.Web.Content;
using BreathPacing.Web.Hardening;
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
        sessions.MapPost("/", Create).WithName("StartSession").WithSummary("Starts a session of a technique, a notation or a pattern.")
            .Accepts<CreateSessionRequest>("application/json")
            .RequireRateLimiting(ClientRateLimits.SessionCreate);
        sessions.MapMethods("/{id}/events", [HttpMethods.Get, HttpMethods.Head], Events).WithName("SessionEvents")
            .WithSummary("The session's events as Server-Sent Events; send Last-Event-ID to resume after an event.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        sessions.MapPost("/{id}/pause", Pause).WithName("PauseSession").WithSummary("Pauses the session.");
        sessions.MapPost("/{id}/resume", Resume).WithName("ResumeSession").WithSummary("Resumes the session.");
        sessions.MapDelete("/{id}", Stop).WithName("StopSession").WithSummary("Stops the session and forgets it.");
        return app;
    }

    private static async Task<Results<Created<SessionCreated>, ProblemHttpResult>> Create(
        HttpContext context, PatternResolver resolver, SessionRegistry registry, PatternFormats formats)
    {
        var (request, problem) = await SessionRequestReader.ReadAsync(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var resolved = resolver.Resolve(request!);
        if (resolved.Problem is not null)
        {
            return resolved.Problem;
        }

        var timeline = resolved.Timeline!;
        var options = registry.Options;
        switch (registry.TryStart(timeline, resolved.TechniqueId, ClientAddress.KeyOf(context), out var session))
        {
            case SessionStartResult.ServerFull:
                return Problems.TooManySessions(options.MaxConcurrentSessions, options.SweepInterval);
            case SessionStartResult.ClientFull:
                return Problems.TooManySessionsForClient(options.MaxSessionsPerClient, options.SweepInterval);
        }

        var pattern = timeline.Pattern;
        var visual = pattern.Phases.Any(static p => !p.Segments.IsDefaultOrEmpty) ? "body" : "wave";
        var eventsUrl = $"/api/sessions/{session!.Id}/events";
        var body = new SessionCreated(session.Id, pattern.Name, resolved.TechniqueId, visual, session.StartedAt, eventsUrl,
            timeline.TotalCycles, timeline.TotalDuration?.TotalMilliseconds, PhaseView.Of(timeline), formats.ToJson(pattern));
        return TypedResults.Created($"/api/sessions/{session.Id}", body);
    }

    private static Results<EventStreamResult, ProblemHttpResult> Events(
        string id,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        SessionRegistry registry,
        EventMapper mapper,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (registry.Find(id) is not { } session)
        {
            return Problems.UnknownSession(id);
        }

        var after = -1L;
        if (!string.IsNullOrWhiteSpace(lastEventId)
            && !long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return Problems.InvalidField("Last-Event-ID", lastEventId,
                $"Last-Event-ID = '{Problems.Echo(lastEventId)}': expected the sequence number of an event received earlier.");
        }

        var options = registry.Options;
        return session.TryAttach(after, options, registry.Streams, out var stream) switch
        {
            StreamAttachResult.Attached => new EventStreamResult(stream!, mapper, json.Value.SerializerOptions, registry),
            StreamAttachResult.BeyondSession => Problems.InvalidField("Last-Event-ID", lastEventId,
                $"Last-Event-ID = {after}: this session has sent events up to {session.EventCount - 1} only; send the id of an event received from it."),
            StreamAttachResult.SessionFull => Problems.TooManyStreams(options.MaxStreamsPerSession, options.HeartbeatInterval),
            _ => Problems.ServerStreamsFull(options.MaxStreams, options.HeartbeatInterval),
        };
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
