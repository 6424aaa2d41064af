using System.Text.Json.Serialization;
using BreathPacing.Web;
using BreathPacing.Web.Api;
using BreathPacing.Web.Content;
using BreathPacing.Web.Hardening;
using BreathPacing.Web.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<WebSessionOptions>().Bind(builder.Configuration.GetSection(WebSessionOptions.Section))
    .Validate(static o => o.MaxConcurrentSessions > 0 && o.IdleTimeout > TimeSpan.Zero && o.CompletedGracePeriod >= TimeSpan.Zero
        && o.SweepInterval > TimeSpan.Zero && o.MaxSessionDuration > TimeSpan.Zero && o.MaxRequestBodyBytes > 0 && o.DefaultCycles > 0,
        $"{WebSessionOptions.Section}: every limit must be positive.")
    .ValidateOnStart();

// The library, through its public DI entry point; it picks up an IScheduler or TimeProvider from the container.
builder.Services.AddBreathPacing();
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
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddHealthChecks();
builder.Services.AddOpenApi();

var maxBody = builder.Configuration.GetSection(WebSessionOptions.Section).GetValue<long?>(nameof(WebSessionOptions.MaxRequestBodyBytes)) ?? new WebSessionOptions().MaxRequestBodyBytes;
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRequestBodyLimit(app.Services.GetRequiredService<IOptions<WebSessionOptions>>().Value.MaxRequestBodyBytes);
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapTechniqueEndpoints();
app.MapSessionEndpoints();
app.MapPracticeEndpoints();
app.MapOpenApi();
app.MapHealthChecks("/healthz");

app.Run();

/// <summary>The web host's entry point; public so integration tests can host it.</summary>
public partial class Program;
