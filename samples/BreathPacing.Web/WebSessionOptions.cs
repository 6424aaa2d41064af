namespace BreathPacing.Web;

/// <summary>Limits of the web host, bound from the <c>BreathPacingWeb</c> configuration section.</summary>
public sealed class WebSessionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "BreathPacingWeb";

    /// <summary>How many running or paused sessions may exist at once; beyond it, starting one answers 429. Default 100.</summary>
    public int MaxConcurrentSessions { get; set; } = 100;

    /// <summary>A session with no connected event-stream client for this long is stopped and disposed. Default 2 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A completed session stays readable (for a late or reconnecting client) this long, then is disposed. Default 1 minute.</summary>
    public TimeSpan CompletedGracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often expired sessions are swept, on the pacer's scheduler. Default 15 seconds.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest session (cycles or minutes) a client may ask for. Default 2 hours.</summary>
    public TimeSpan MaxSessionDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The largest request body accepted; larger bodies answer 413. Default 32 KiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024;

    /// <summary>The session length used when the request names none and the pattern has no default. Default 10 cycles.</summary>
    public int DefaultCycles { get; set; } = 10;
}
