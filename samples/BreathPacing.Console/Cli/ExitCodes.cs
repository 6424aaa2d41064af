namespace BreathPacing.ConsoleHost.Cli;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The session ran (or ended early at the user's wish), or help or the list was shown.</summary>
    public const int Success = 0;

    /// <summary>Something failed at run time (e.g. the terminal went away).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown option or value, or options that conflict.</summary>
    public const int Usage = 2;
}
