namespace BreathPacing.ConsoleHost.Cli;

/// <summary>The usage text shown by <c>--help</c> and after a command-line mistake; fits 80 columns.</summary>
internal static class Usage
{
    public const string Text = """
        Usage: BreathPacing.Console [options]

        A calm, paced breathing guide for grounding yourself in the terminal. With no
        options it asks what to breathe; when its output is redirected it runs a short
        Three-Part Breath (3 cycles) instead.

        What to breathe (choose one):
          --technique <name>      A built-in technique: three-part or ocean (aliases
                                  such as ujjayi work too).
          --pattern "<notation>"  A custom pattern in the breath notation, in seconds:
                                  "4-6" (in, out), "4-7-8" (in, hold, out),
                                  "4-4-4-4" (in, hold, out, hold), or words such as
                                  "in 4 hold 2 out 6"; a repeat count sets the
                                  length, e.g. "5x 4-6".
          --pattern-file <path>   A custom pattern saved as JSON.

        How long (choose one; otherwise the pattern's repeat count, or 3 cycles in
        plain output and 10 in the live view):
          --cycles <N>            Breathe N whole cycles (1 or more).
          --minutes <M>           Breathe at least M minutes, ending on a whole cycle.

        Technique settings:
          --seconds <S>           Starting seconds per inhale and per exhale, 1 to 20
                                  (Ocean's Breath keeps its exhale the longer).
          --progress              Use the technique's progression: the breaths
                                  lengthen step by step toward 10 s.

        Display:
          --colour <name>         The colour your breath fills with: a name such as
                                  teal or orchid, or #5f87d7 (default steelblue1).
          --plain                 One line per breath event instead of the live view
                                  (also when output is redirected or TERM=dumb).
                                  NO_COLOR is honoured.
          --speed <X>             Run time X times faster, for demos and tests
                                  (0.1 to 1000; default 1).

        Other:
          --list                  Show the techniques with their steps, cautions and
                                  sources, then exit.
          --help                  Show this help, then exit.

        Keys in the live view: space pauses and resumes, q or Esc ends early, and
        Ctrl+C ends gracefully with the summary.
        Exit codes: 0 done, 1 failure, 2 a mistake on the command line.
        """;
}
