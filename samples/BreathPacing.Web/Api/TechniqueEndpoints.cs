using BreathPacing.Grounding;
using BreathPacing.Web.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreathPacing.Web.Api;

/// <summary>The technique and pattern routes.</summary>
public static class TechniqueEndpoints
{
    /// <summary>Maps the technique and pattern routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapTechniqueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/techniques", (TechniqueViews views) => TypedResults.Ok(views.All()))
            .WithTags("Techniques").WithName("ListTechniques").WithSummary("Every built-in technique with its guidance and default pattern.");
        app.MapGet("/api/techniques/{id}", Get)
            .WithTags("Techniques").WithName("GetTechnique").WithSummary("One technique, by id or alias.");
        app.MapGet("/api/guide", (IGroundingCatalog catalog) => TypedResults.Ok(GuideView.Of(catalog)))
            .WithTags("Techniques").WithName("GetGuide").WithSummary("The grounding guide: its purpose, other self-care routines and every source.");
        app.MapPost("/api/patterns/parse", Parse)
            .WithTags("Patterns").WithName("ParsePattern").WithSummary("Parses a notation into the pattern JSON and its safety findings.");
        return app;
    }

    private static Results<Ok<TechniqueView>, ProblemHttpResult> Get(string id, TechniqueViews views) =>
        views.Find(id) is { } view ? TypedResults.Ok(view) : Problems.UnknownTechnique(id);

    private static Results<Ok<ParsedPattern>, ProblemHttpResult> Parse(ParsePatternRequest request, PatternFormats formats)
    {
        if (request.Notation is null)
        {
            return Problems.BadRequest("notation is required, e.g. { \"notation\": \"4-7-8\" }.", new Dictionary<string, object?> { ["field"] = "notation" });
        }

        var parsed = formats.ParseNotation(request.Notation);
        if (parsed.Problem is not null)
        {
            return parsed.Problem;
        }

        return TypedResults.Ok(formats.Describe(parsed.Pattern!));
    }
}
