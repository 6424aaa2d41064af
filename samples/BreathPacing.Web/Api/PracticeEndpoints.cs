using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text.Json;
using System.Text.RegularExpressions;
using BreathPacing.Grounding;
using BreathPacing.Practice;
using BreathPacing.Web.Content;
using BreathPacing.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BreathPacing.Web.Api;

/// <summary>
/// Practice over days, computed by the library and kept by the client: the server holds no history. A client keeps
/// its journal (the page: in the browser's IndexedDB) and sends the records a computation needs; the server turns a
/// finished session into a record, reads and validates journals, and works out the plan and the statistics.
/// </summary>
public static partial class PracticeEndpoints
{
    /// <summary>How long the record route waits for a session that has just been stopped to deliver its summary.</summary>
    private static readonly TimeSpan SummaryWait = TimeSpan.FromSeconds(5);

    /// <summary>Statistics leave out records older than this: a record from year 1 would make millions of empty days.</summary>
    private static readonly TimeSpan OldestCounted = TimeSpan.FromDays(3660);

    /// <summary>Statistics leave out records that end further ahead than this (another device's clock may run a little ahead).</summary>
    private static readonly TimeSpan LatestCounted = TimeSpan.FromDays(1);

    /// <summary>
    /// The request body cap of the practice routes: 512 KiB, room for a journal of about 1,500 sessions (a record is
    /// about 300 bytes), where every other route keeps the host's <c>MaxRequestBodyBytes</c> (32 KiB by default).
    /// The reading is as strict as elsewhere; only the size differs.
    /// </summary>
    public const long MaxRequestBodyBytes = 512 * 1024;

    private const int DefaultDays = 28;
    private const int MaximumDays = 366;
    private const int MaximumTimeZoneLength = 64;
    private const int MaximumUtcOffsetMinutes = 14 * 60;

    /// <summary>Maps the practice routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapPracticeEndpoints(this IEndpointRouteBuilder app)
    {
        // Journals are longer than any other request: this group has its own body cap, honoured by the body-limit middleware.
        var practice = app.MapGroup("/api/practice").WithTags("Practice").WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes));
        practice.MapGet("/feelings", Feelings).WithName("PracticeFeelings")
            .WithSummary("The question asked after a session and its answers, in the catalog's words, with the codes a record keeps.");
        practice.MapPost("/record", Record).WithName("PracticeRecord")
            .WithSummary("The practice record (journal format version 1) of a session that has ended; stop: true ends a running one first.");
        practice.MapPost("/plan", Plan).WithName("PracticePlan")
            .WithSummary("What to breathe next for a technique and why, from the journal records sent.");
        practice.MapPost("/statistics", Statistics).WithName("PracticeStatistics")
            .WithSummary("Sessions, active time, streaks, a day-by-day series and each technique's level, with days cut in the given time zone.");
        practice.MapPost("/read", Read).WithName("ReadPracticeJournal")
            .WithSummary("Validates a version-1 journal document and returns it as the library writes it (for an import).");
        return app;
    }

    private static Ok<PracticeFeelingsView> Feelings(IGroundingCatalog catalog)
    {
        var question = catalog.GetText(PracticeTextKeys.FeelingQuestion) ?? PracticeTextKeys.FeelingQuestion;
        var feelings = PracticeFeelingCodes.All
            .Select(f => new PracticeFeelingView(PracticeFeelingCodes.Of(f), catalog.GetText(PracticeTextKeys.Feeling(f)) ?? PracticeFeelingCodes.Of(f)))
            .ToArray();
        return TypedResults.Ok(new PracticeFeelingsView(question, feelings));
    }

    private static async Task<Results<Ok<PracticeRecordView>, ProblemHttpResult>> Record(
        PracticeRecordRequest request, SessionRegistry registry, TechniqueDirectory techniques, CancellationToken cancellationToken)
    {
        // Everything is checked before anything happens: a bad request never stops a session.
        if (string.IsNullOrWhiteSpace(request.SessionId))
        {
            return Problems.BadRequest("sessionId is required: the id POST /api/sessions answered with.", Field("sessionId"));
        }

        var zone = ResolveTimeZone(request.TimeZone, request.UtcOffsetMinutes);
        if (zone.Problem is not null)
        {
            return zone.Problem;
        }

        PracticeFeeling? felt = null;
        if (request.Feeling is { } code)
        {
            if (!PracticeFeelingCodes.TryParse(code, out var parsed))
            {
                return Problems.BadRequest($"feeling = '{Echo(code)}': expected {PracticeFeelingCodes.Expected}, or no feeling when it was not asked.",
                    new Dictionary<string, object?> { ["field"] = "feeling", ["value"] = Echo(code) });
            }

            felt = parsed;
        }

        if (await registry.GetAsync(request.SessionId, cancellationToken) is not { } session)
        {
            return Problems.UnknownSession(request.SessionId);
        }

        var options = OptionsOf(session, request, techniques, out var optionsProblem);
        if (optionsProblem is not null)
        {
            return optionsProblem;
        }

        if (session.Session.State != BreathSessionState.Completed)
        {
            if (request.Stop != true)
            {
                return TypedResults.Problem(
                    $"Session '{request.SessionId}' has not ended yet; ask again once it has, or send \"stop\": true to end it now.",
                    statusCode: StatusCodes.Status409Conflict, title: "The session has not ended.");
            }

            // Through the registry, so the stop is stored and reaches every instance streaming the session.
            await registry.ControlAsync(session.Id, SessionControl.Stop, cancellationToken);
        }

        var end = await CompletionOf(session, cancellationToken);
        if (end is null)
        {
            return TypedResults.Problem($"Session '{request.SessionId}' has not delivered its summary yet; ask again in a moment.",
                statusCode: StatusCodes.Status409Conflict, title: "The session has not ended.");
        }

        // The session's own clock: its start on the server's clock plus every moment since, active or paused.
        var summary = end.Summary;
        var endedAt = TimeZoneInfo.ConvertTime(session.StartedAt + summary.ActiveTime + summary.PausedTime, zone.Zone!);
        try
        {
            var record = PracticeRecord.From(summary, session.Session.Timeline, session.TechniqueId, options, felt, endedAt);
            return TypedResults.Ok(new PracticeRecordView(PracticeJournalJson.CurrentVersion, ToElement(PracticeJournalJson.SerializeRecord(record))));
        }
        catch (ArgumentException error)
        {
            return Problems.BadRequest(error.Message, Field(error.ParamName ?? "sessionId"));
        }
    }

    /// <summary>
    /// The options a technique's session was made with, rebuilt from the <c>seconds</c>, <c>progress</c> and <c>options</c>
    /// it was started with and checked against the session's own pattern, so a record never claims settings the person
    /// did not breathe.
    /// </summary>
    private static BreathTechniqueOptions? OptionsOf(WebSession session, PracticeRecordRequest request, TechniqueDirectory techniques, out ProblemHttpResult? problem)
    {
        problem = null;
        if (session.TechniqueId is null || techniques.Find(session.TechniqueId) is not { } technique)
        {
            if (request.Seconds is not null || request.Progress is not null || request.Options is not null)
            {
                problem = Problems.BadRequest("seconds, progress and options apply to a session of a technique only; this session paced a custom pattern.",
                    Field(request.Seconds is not null ? "seconds" : request.Progress is not null ? "progress" : "options"));
            }

            return null;
        }

        var options = TechniqueDirectory.Options(technique, request.Options, request.Seconds, request.Progress);
        if (options.Problem is not null)
        {
            problem = options.Problem;
            return null;
        }

        bool made;
        try
        {
            made = technique.CreatePattern(options.Options).Equals(session.Session.Timeline.Pattern);
        }
        catch (InvalidBreathPatternException)
        {
            made = false;
        }

        if (!made)
        {
            var seconds = request.Seconds is { } s ? s.ToString(CultureInfo.InvariantCulture) : "absent";
            var progress = request.Progress is { } p ? (p ? "true" : "false") : "absent";
            var given = request.Options is { ValueKind: JsonValueKind.Object } o ? $", options = {Echo(o.GetRawText())}" : string.Empty;
            problem = Problems.BadRequest(
                $"seconds = {seconds}, progress = {progress}{given}: session '{session.Id}' was not started with these; send the seconds, progress and options it was started with.",
                Field(request.Options is not null ? "options" : request.Seconds is not null ? "seconds" : "progress"));
            return null;
        }

        return options.Options;
    }

    private static async Task<SessionCompleted?> CompletionOf(WebSession session, CancellationToken cancellationToken)
    {
        // EventsAfter(-1) replays a completed session's events (also a copy restored here), its summary last.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(SummaryWait);
        try
        {
            return await session.Session.EventsAfter(-1).OfType<SessionCompleted>().FirstOrDefaultAsync().ToTask(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static Results<Ok<PracticePlanView>, ProblemHttpResult> Plan(PracticePlanRequest request, IGroundingCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(request.TechniqueId))
        {
            return Problems.BadRequest("techniqueId is required, e.g. \"three-part-breath\". GET /api/techniques lists them.", Field("techniqueId"));
        }

        if (catalog.Find(request.TechniqueId) is not { } technique)
        {
            return Problems.BadRequest($"techniqueId = '{Echo(request.TechniqueId)}': no technique has this id or alias. GET /api/techniques lists them.",
                new Dictionary<string, object?> { ["field"] = "techniqueId", ["value"] = Echo(request.TechniqueId) });
        }

        var read = ReadRecords(request.Records);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var next = PracticePlan.Default.Next(technique.Technique, read.Records);
        var reason = next.Reason;
        var text = catalog.GetText(reason.TextKey) is { } template ? reason.Format(template, catalog.Culture) : null;
        var options = TechniqueOptionsJson.Write(next.Options);
        return TypedResults.Ok(new PracticePlanView(
            technique.Id,
            technique.Name,
            options,
            new PracticeSessionSettings(technique.Id, next.Options.StartSeconds, next.Options.Progress),
            new PracticeRangeView(next.Range.StartSeconds, next.Range.GoalSeconds),
            new PracticeReasonView(reason.Kind, reason.TextKey, text, reason.FromSeconds, reason.ToSeconds,
                reason.Feeling is { } f ? PracticeFeelingCodes.Of(f) : null, reason.SessionsInARow, reason.SessionsNeeded)));
    }

    private static Results<Ok<PracticeStatisticsView>, ProblemHttpResult> Statistics(PracticeStatisticsRequest request, TimeProvider time)
    {
        var zone = ResolveTimeZone(request.TimeZone, request.UtcOffsetMinutes);
        if (zone.Problem is not null)
        {
            return zone.Problem;
        }

        var length = request.Days ?? DefaultDays;
        if (length is < 1 or > MaximumDays)
        {
            return Problems.BadRequest($"days = {length}: expected from 1 to {MaximumDays}.", new Dictionary<string, object?> { ["field"] = "days", ["value"] = length });
        }

        var read = ReadRecords(request.Records);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var now = time.GetUtcNow();
        var counted = read.Records.Where(r => r.EndedAt >= now - OldestCounted && r.EndedAt <= now + LatestCounted).ToArray();

        // The library cuts the days (PracticeStatistics: a record counts on the local date of its end, in the zone given).
        var statistics = PracticeStatistics.Of(counted, now, zone.Zone!);
        var byDate = statistics.Days.ToDictionary(static d => d.Date);
        var days = new PracticeDayView[length];
        for (var i = 0; i < length; i++)
        {
            var date = statistics.Today.AddDays(i - length + 1);
            days[i] = byDate.TryGetValue(date, out var day) ? new(date, day.Sessions, day.ActiveTime.TotalSeconds) : new(date, 0, 0);
        }

        var techniques = statistics.Techniques.Select(static t => new PracticeTechniqueView(t.TechniqueId, t.Sessions, t.ActiveTime.TotalSeconds,
            t.Levels.Select(static l => new PracticeLevelView(l.EndedAt, l.Date, l.StartSeconds, l.ReachedInhaleSeconds, l.ReachedExhaleSeconds,
                l.Feeling is { } f ? PracticeFeelingCodes.Of(f) : null)).ToArray())).ToArray();
        return TypedResults.Ok(new PracticeStatisticsView(statistics.Today, zone.Zone!.Id, statistics.Sessions, statistics.ActiveTime.TotalSeconds,
            statistics.CurrentStreak, statistics.LongestStreak, days, techniques, read.Records.Length - counted.Length));
    }

    private static Results<Ok<JsonElement>, ProblemHttpResult> Read([FromBody] JsonElement journal)
    {
        try
        {
            var records = PracticeJournalJson.Deserialize(journal);
            return TypedResults.Ok(ToElement(PracticeJournalJson.Serialize(records)));
        }
        catch (PracticeJournalJsonException error)
        {
            return JournalProblem(error, FieldOf(error.Path), error.Message);
        }
    }

    /// <summary>
    /// Reads the <c>records</c> of a request: a version-1 document, or its records array (read as the records of a
    /// version-1 document, so a problem's path is the same as in the request: <c>$.records[2].feeling</c>).
    /// </summary>
    private static (System.Collections.Immutable.ImmutableArray<PracticeRecord> Records, ProblemHttpResult? Problem) ReadRecords(JsonElement? records)
    {
        if (records is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return (default, Problems.BadRequest(
                "records is required: the practice journal (a version-1 document, { \"version\": 1, \"records\": [...] }) or its records array; [] when there are none.",
                Field("records")));
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                try
                {
                    var document = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["version"] = PracticeJournalJson.CurrentVersion, ["records"] = element });
                    return (PracticeJournalJson.Deserialize(document), null);
                }
                catch (PracticeJournalJsonException error)
                {
                    return (default, JournalProblem(error, FieldOf(error.Path), error.Message));
                }

            case JsonValueKind.Object:
                try
                {
                    return (PracticeJournalJson.Deserialize(element), null);
                }
                catch (PracticeJournalJsonException error)
                {
                    // The path is the journal document's; in the request that document is the value of "records".
                    var field = "records" + (error.Path.Length > 1 ? error.Path[1..] : string.Empty);
                    return (default, JournalProblem(error, field, $"In records: {error.Message}"));
                }

            default:
                return (default, Problems.BadRequest(
                    $"records: expected the practice journal (a version-1 document) or its records array, found {element.ValueKind.ToString().ToLowerInvariant()}.",
                    Field("records")));
        }
    }

    private static ProblemHttpResult JournalProblem(PracticeJournalJsonException error, string field, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The practice journal is invalid.",
            extensions: new Dictionary<string, object?> { ["field"] = field, ["path"] = error.Path });

    // "$.records[2].feeling" → "records[2].feeling"; "$" (the document as a whole) stays "$".
    private static string FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>Where days are cut: an IANA zone, a fixed offset, or UTC.</summary>
    private static (TimeZoneInfo? Zone, ProblemHttpResult? Problem) ResolveTimeZone(string? id, int? offsetMinutes)
    {
        if (id is not null && offsetMinutes is not null)
        {
            return (null, Problems.BadRequest("Give timeZone or utcOffsetMinutes, not both.", Field("timeZone|utcOffsetMinutes")));
        }

        if (offsetMinutes is { } minutes)
        {
            if (Math.Abs(minutes) > MaximumUtcOffsetMinutes)
            {
                return (null, Problems.BadRequest($"utcOffsetMinutes = {minutes}: expected from -{MaximumUtcOffsetMinutes} to {MaximumUtcOffsetMinutes}.",
                    new Dictionary<string, object?> { ["field"] = "utcOffsetMinutes", ["value"] = minutes }));
            }

            var offset = TimeSpan.FromMinutes(minutes);
            var name = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            return (TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name), null);
        }

        if (id is null)
        {
            return (TimeZoneInfo.Utc, null);
        }

        if (id.Length <= MaximumTimeZoneLength && TimeZoneId().IsMatch(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return (zone, null);
        }

        return (null, Problems.BadRequest(
            $"timeZone = '{Echo(id)}': not a time zone this server knows; give an IANA id such as \"Europe/Berlin\", or utcOffsetMinutes.",
            new Dictionary<string, object?> { ["field"] = "timeZone", ["value"] = Echo(id) }));
    }

    // IANA ids: letters, digits, '_', '+', '-', in parts separated by '/'; nothing that could name a path.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex TimeZoneId();

    private static JsonElement ToElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, object?> Field(string field) => new() { ["field"] = field };

    private static string Echo(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
