using System.Globalization;
using System.Text.Json;
using BreathPacing.Web.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Api;

/// <summary>The pattern and length a session request asks for, or why it cannot be had.</summary>
/// <param name="Timeline">The timeline, when the request is valid.</param>
/// <param name="TechniqueId">The technique's canonical id, when the pattern came from one.</param>
/// <param name="Problem">The problem, when the request is invalid.</param>
public sealed record PatternResolution(BreathTimeline? Timeline, string? TechniqueId, ProblemHttpResult? Problem);

/// <summary>Turns a <see cref="CreateSessionRequest"/> into a timeline through the library's public API.</summary>
public sealed class PatternResolver(TechniqueDirectory techniques, PatternFormats formats, IOptions<WebSessionOptions> options)
{
    /// <summary>Resolves the request's single pattern source and its length.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The timeline or a 4xx problem.</returns>
    public PatternResolution Resolve(CreateSessionRequest request)
    {
        var sources = (request.TechniqueId is not null ? 1 : 0) + (request.Notation is not null ? 1 : 0) + (request.Pattern is not null ? 1 : 0);
        if (sources != 1)
        {
            return Fail(Problems.BadRequest(
                $"Give exactly one pattern source: techniqueId, notation or pattern; {(sources == 0 ? "none was given" : $"{sources} were given")}.",
                new Dictionary<string, object?> { ["field"] = "techniqueId|notation|pattern" }));
        }

        if (request.TechniqueId is null && (request.Seconds is not null || request.Progress is not null || request.Options is not null))
        {
            return Fail(Problems.BadRequest("seconds, progress and options apply to a technique (techniqueId) only.",
                new Dictionary<string, object?> { ["field"] = request.Seconds is not null ? "seconds" : request.Progress is not null ? "progress" : "options" }));
        }

        if (request.Cycles is not null && request.Minutes is not null)
        {
            return Fail(Problems.BadRequest("Give cycles or minutes, not both.", new Dictionary<string, object?> { ["field"] = "cycles|minutes" }));
        }

        var max = options.Value.MaxSessionDuration;
        if (request.Cycles is { } cycles && (cycles < 1 || cycles > PatternLimits.MaximumCycles))
        {
            return Fail(Problems.InvalidField("cycles", cycles.ToString(CultureInfo.InvariantCulture),
                $"cycles = {cycles}: expected a whole number from 1 up to a session of {max.TotalMinutes:0} minutes."));
        }

        if (request.Minutes is { } minutes && (!double.IsFinite(minutes) || minutes <= 0 || minutes > max.TotalMinutes))
        {
            return Fail(Problems.InvalidField("minutes", Problems.Echo(minutes),
                $"minutes = {Problems.Echo(minutes)}: expected more than 0 and at most {max.TotalMinutes:0}."));
        }

        if (request.Seconds is { } seconds && !double.IsFinite(seconds))
        {
            return Fail(Problems.InvalidField("seconds", Problems.Echo(seconds), $"seconds = {Problems.Echo(seconds)}: expected a finite number."));
        }

        try
        {
            string? techniqueId = null;
            BreathPattern pattern;
            if (request.TechniqueId is { } id)
            {
                var technique = techniques.Find(id);
                if (technique is null)
                {
                    return Fail(Problems.InvalidField("techniqueId", id,
                        $"techniqueId = '{Problems.Echo(id)}': no technique has this id or alias. GET /api/techniques lists them."));
                }

                techniqueId = technique.Id;
                var options = TechniqueDirectory.Options(technique, request.Options, request.Seconds, request.Progress);
                if (options.Problem is not null)
                {
                    return Fail(options.Problem);
                }

                try
                {
                    pattern = technique.CreatePattern(options.Options);
                }
                catch (InvalidBreathPatternException error)
                {
                    // The library names the option (e.g. exhaleRatio); the problem names the request field that set it.
                    return Fail(InvalidOption(error, options.Field(error.Field)));
                }
            }
            else if (request.Notation is { } notation)
            {
                var parsed = formats.ParseNotation(notation);
                if (parsed.Problem is not null)
                {
                    return Fail(parsed.Problem);
                }

                pattern = parsed.Pattern!;
            }
            else
            {
                var read = formats.ReadJson(request.Pattern!.Value);
                if (read.Problem is not null)
                {
                    return Fail(read.Problem);
                }

                pattern = read.Pattern!;
            }

            var length = SessionLength.Choose(pattern, request.Cycles, request.Minutes, SessionLength.Cycles(options.Value.DefaultCycles));

            var timeline = new BreathTimeline(pattern, length);
            if (timeline.TotalDuration is not { } total || total > max)
            {
                var asked = request.Cycles is { } n ? $"cycles = {n}" : request.Minutes is { } mm ? $"minutes = {Problems.Echo(mm)}" : $"length = {length}";
                return Fail(Problems.BadRequest($"{asked}: the session would last {timeline.TotalDuration?.ToString() ?? "forever"}; at most {max} is allowed.",
                    new Dictionary<string, object?> { ["field"] = request.Cycles is not null ? "cycles" : request.Minutes is not null ? "minutes" : "pattern" }));
            }

            return new PatternResolution(timeline, techniqueId, null);
        }
        catch (BreathValidationException error)
        {
            return Fail(Problems.InvalidPattern(error));
        }
    }

    private static PatternResolution Fail(ProblemHttpResult problem) => new(null, null, problem);

    /// <summary>400 for an option the technique refuses, naming the request field (<c>seconds</c>, <c>options.exhaleRatio</c>…).</summary>
    /// <param name="error">The library's error.</param>
    /// <param name="field">The request field that set the option.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult InvalidOption(InvalidBreathPatternException error, string field)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "The pattern is invalid.",
            extensions: new Dictionary<string, object?> { ["field"] = field, ["value"] = Problems.Echo(error.Value) });
    }
}

/// <summary>A pattern, or why it could not be had.</summary>
/// <param name="Pattern">The pattern.</param>
/// <param name="Problem">The problem.</param>
public sealed record PatternResult(BreathPattern? Pattern, ProblemHttpResult? Problem);
