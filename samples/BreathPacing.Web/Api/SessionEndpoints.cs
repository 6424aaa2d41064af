using System.Globalization;
using System.Text.Json;
using BreathPacing.Web.Content;
using BreathPacing.Web.Hardening;
using BreathPacing.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Api;

/// <summary>
/// The session routes: start, stream events, pause, resume, stop (kept for the grace period) and delete (stop and forget).
/// Any instance of the host answers for any session: with a shared store (Redis) the session is restored here from its
/// snapshot, and a control made here reaches every instance streaming it.
/// </summary>
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
        sessions.MapPost("/{id}/stop", Stop).WithName("StopSession")
            .WithSummary("Stops the session; it stays readable (its summary, a practice record) for the completed grace period.");
        sessions.MapDelete("/{id}", Delete).WithName("DeleteSession").WithSummary("Stops the session and forgets it.");
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
        var (result, session) = await registry.StartAsync(timeline, resolved.TechniqueId, ClientAddress.KeyOf(context), context.RequestAborted);
        switch (result)
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

    private static async Task<Results<EventStreamResult, ProblemHttpResult>> Events(
        string id,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        HttpContext context,
        SessionRegistry registry,
        EventMapper mapper,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var after = -1L;
        if (!string.IsNullOrWhiteSpace(lastEventId)
            && !long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return registry.Find(id) is null && await registry.GetAsync(id, context.RequestAborted) is null
                ? Problems.UnknownSession(id)
                : Problems.InvalidField("Last-Event-ID", lastEventId,
                    $"Last-Event-ID = '{Problems.Echo(lastEventId)}': expected the sequence number of an event received earlier.");
        }

        var options = registry.Options;
        var (result, stream, lastSent) = await registry.AttachAsync(id, after, !HttpMethods.IsHead(context.Request.Method), context.RequestAborted);
        return result switch
        {
            StreamAttachResult.Attached => new EventStreamResult(stream!, mapper, json.Value.SerializerOptions, registry),
            StreamAttachResult.Unknown => Problems.UnknownSession(id),
            StreamAttachResult.BeyondSession => Problems.InvalidField("Last-Event-ID", lastEventId,
                $"Last-Event-ID = {after}: this session has sent events up to {lastSent} only; send the id of an event received from it."),
            StreamAttachResult.SessionFull => Problems.TooManyStreams(options.MaxStreamsPerSession, options.HeartbeatInterval),
            _ => Problems.ServerStreamsFull(options.MaxStreams, options.HeartbeatInterval),
        };
    }

    private static Task<Results<Ok<SessionStateView>, ProblemHttpResult>> Pause(string id, SessionRegistry registry, CancellationToken cancellationToken) =>
        Control(id, registry, SessionControl.Pause, cancellationToken);

    private static Task<Results<Ok<SessionStateView>, ProblemHttpResult>> Resume(string id, SessionRegistry registry, CancellationToken cancellationToken) =>
        Control(id, registry, SessionControl.Resume, cancellationToken);

    private static Task<Results<Ok<SessionStateView>, ProblemHttpResult>> Stop(string id, SessionRegistry registry, CancellationToken cancellationToken) =>
        Control(id, registry, SessionControl.Stop, cancellationToken);

    private static async Task<Results<Ok<SessionStateView>, ProblemHttpResult>> Control(string id, SessionRegistry registry, SessionControl control, CancellationToken cancellationToken)
    {
        var (result, state) = await registry.ControlAsync(id, control, cancellationToken);
        return result switch
        {
            ControlResult.Done => TypedResults.Ok(new SessionStateView(id, JsonNamingPolicy.CamelCase.ConvertName(state!.State.ToString()), state.ActiveTime.TotalMilliseconds)),
            ControlResult.Completed => Problems.SessionCompleted(id),
            _ => Problems.UnknownSession(id),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, SessionRegistry registry, CancellationToken cancellationToken) =>
        await registry.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.UnknownSession(id);
}
