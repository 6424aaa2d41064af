namespace BreathPacing.ConsoleHost.Cli;

/// <summary>The usage text shown by <c>--help</c> and after a command-line mistake.</summary>
internal static class Usage
{
    public const string Text = """
        Usage: BreathPacing.Console [options]

        A calm, paced breathing guide for grounding yourself in the terminal. With no options it asks what
        to breathe (or, when its output is redirected, runs a short Three-Part Breath).

        Choose what to breathe (one of):
          --technique <name>     A built-in technique: three-part or ocean (aliases such as ujjayi work too).
          --pattern "<notation>" A custom pattern in the breath notation, e.g. "4-7-8-0" or "5x 4-0-6-0".
          --pattern-file <path>  A custom pattern saved as JSON.

        Session length (one of; otherwise a pattern's own repeat count, or 3 cycles):
          --cycles <N>           Breathe N whole cycles (1 or more).
          --minutes <M>          Breathe for at least M minutes, ending on a whole cycle.

        Technique settings:
          --seconds <S>          Starting seconds per inhale and per exhale (2 to 20; Ocean's Breath
                                 keeps its exhale longer than its inhale).
          --progress             Use the technique's progression: the breaths lengthen step by step toward 10 s.

        Display:
          --colour <name>        The colour your breath fills with, e.g. teal, orchid, #5f87d7 (default steelblue1).
          --plain                One line per breath event instead of the live view (also when output is
                                 redirected or TERM=dumb). NO_COLOR is honoured.
          --speed <X>            Run time X times faster, for demos and tests (0.1 to 1000; default 1).

        Other:
          --list                 Show the techniques with their steps, cautions and sources, then exit.
          --help                 Show this help, then exit.

        Keys during a live session: space pauses and resumes, q or Esc ends early; Ctrl+C ends gracefully.
        Exit codes: 0 done, 1 failure, 2 a command-line mistake.
        """;
}
