using System.Text.Json.Serialization;
using BreathPacing.Web;
using BreathPacing.Web.Api;
using BreathPacing.Web.Content;
using BreathPacing.Web.Hardening;
using BreathPacing.Web.Sessions;
using BreathPacing.Web.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<WebSessionOptions>().Bind(builder.Configuration.GetSection(WebSessionOptions.Section)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<WebSessionOptions>, WebSessionOptionsValidator>();

// Where sessions are kept: this process (the default), or a Redis server shared by every instance (docs/adr/0013).
var store = builder.Configuration.GetSection(WebSessionOptions.Section).GetValue<SessionStoreKind?>(nameof(WebSessionOptions.Store)) ?? SessionStoreKind.Memory;
builder.Services.AddSessionStore(store);

// The library, through its public DI entry point; it picks up an IScheduler or TimeProvider from the container. On a
// shared store every instance must emit the same events from the same snapshot: no live skip decisions (ReplayMissed).
builder.Services.AddBreathPacing(o =>
{
    if (store == SessionStoreKind.Redis)
    {
        o.LateWakePolicy = BreathPacing.LateWakePolicy.ReplayMissed;
    }

    // An event stream lets go of its subscription on a full buffer by throwing (the engine detaches a subscriber that
    // throws); that is not an error.
    o.SubscriberExceptionHandler = static e =>
    {
        if (e is not CatchUpPausedException)
        {
            System.Diagnostics.Trace.TraceError("BreathPacing: a subscriber threw and was detached: {0}", e);
        }
    };
});
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SessionRegistry>();
builder.Services.AddHostedService<SessionSweeper>();
builder.Services.AddSingleton<TechniqueDirectory>();
builder.Services.AddSingleton<TechniqueViews>();
builder.Services.AddSingleton<PatternFormats>();
builder.Services.AddSingleton<PatternResolver>();
builder.Services.AddSingleton<GuidanceText>();
builder.Services.AddSingleton<EventMapper>();

builder.Services.ConfigureHttpJsonOptions(static o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
builder.Services.Configure<RouteHandlerOptions>(static o => o.ThrowOnBadRequest = true);

// Every error, from any layer, is written by one writer: problem+json with type, title, status and detail.
builder.Services.AddSingleton<IProblemDetailsWriter, ProblemDocumentWriter>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddClientRateLimits();
builder.Services.AddOpenApi();

var maxBody = builder.Configuration.GetSection(WebSessionOptions.Section).GetValue<long?>(nameof(WebSessionOptions.MaxRequestBodyBytes)) ?? new WebSessionOptions().MaxRequestBodyBytes;
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = maxBody;
    k.Limits.MaxRequestLineSize = RequestTargetLimit.KestrelRequestLineBytes;
});

var app = builder.Build();
var options = app.Services.GetRequiredService<IOptions<WebSessionOptions>>().Value;

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestTargetLimit(options.MaxRequestTargetLength);
app.UseRequestBodyLimit(options.MaxRequestBodyBytes);
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();

var api = app.MapGroup(string.Empty).RequireRateLimiting(ClientRateLimits.Requests).AnswerHeadOnGet();
api.MapTechniqueEndpoints();
api.MapSessionEndpoints();
api.MapPracticeEndpoints();
api.MapOpenApi();
app.MapHealthChecks("/healthz").WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));

app.Run();

/// <summary>The web host's entry point; public so integration tests can host it.</summary>
public partial class Program;
