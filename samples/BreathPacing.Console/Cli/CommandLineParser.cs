using System.Globalization;
using Spectre.Console;

namespace BreathPacing.ConsoleHost.Cli;

/// <summary>
/// Turns the arguments into <see cref="CommandLineOptions"/>: each option at most once, as
/// <c>--name value</c> or <c>--name=value</c>; numbers in invariant culture; ranges and conflicts checked
/// here so that a mistake is reported before anything starts.
/// </summary>
internal static class CommandLineParser
{
    /// <summary>The fastest <c>--speed</c>: beyond it, frames and events blur together.</summary>
    public const double MaximumSpeed = 1000;

    /// <summary>The slowest <c>--speed</c>.</summary>
    public const double MinimumSpeed = 0.1;

    private static readonly string[] SessionChoices = ["--technique", "--pattern", "--pattern-file"];

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="UsageException">An option is unknown, repeated, malformed, out of range or in conflict.</exception>
    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = CommandLineOptions.Default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unexpected argument \"{arg}\"; options start with --, e.g. --technique three-part.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            string? inline = equals < 0 ? null : arg[(equals + 1)..];
            if (!seen.Add(name) && IsKnown(name))
            {
                throw UsageException.ForOption(name, "given more than once.");
            }

            options = name switch
            {
                "--help" or "-h" => Flag(options with { Help = true }, name, inline),
                "--plain" => Flag(options with { Plain = true }, name, inline),
                "--list" => Flag(options with { List = true }, name, inline),
                "--progress" => Flag(options with { Progress = true }, name, inline),
                "--technique" => options with { Technique = Text(name, Value(args, ref i, name, inline)) },
                "--pattern" => options with { Pattern = Text(name, Value(args, ref i, name, inline)) },
                "--pattern-file" => options with { PatternFile = Text(name, Value(args, ref i, name, inline)) },
                "--cycles" => options with { Cycles = Cycles(name, Value(args, ref i, name, inline)) },
                "--minutes" => options with { Minutes = Minutes(name, Value(args, ref i, name, inline)) },
                "--seconds" => options with { Seconds = Seconds(name, Value(args, ref i, name, inline)) },
                "--speed" => options with { Speed = Speed(name, Value(args, ref i, name, inline)) },
                "--colour" or "--color" => Colour(options, name, Value(args, ref i, name, inline)),
                _ => throw new UsageException($"unknown option \"{name}\"; see --help for the options."),
            };
        }

        return options.Help ? options : CheckConflicts(options, seen);
    }

    private static bool IsKnown(string name) => name is "--help" or "-h" or "--plain" or "--list" or "--progress" or "--technique" or "--pattern"
        or "--pattern-file" or "--cycles" or "--minutes" or "--seconds" or "--speed" or "--colour" or "--color";

    private static CommandLineOptions CheckConflicts(CommandLineOptions options, HashSet<string> seen)
    {
        var chosen = SessionChoices.Where(seen.Contains).ToArray();
        if (chosen.Length > 1)
        {
            throw new UsageException($"{chosen[0]} and {chosen[1]} cannot be used together; choose one thing to breathe.");
        }

        if (options.Cycles is not null && options.Minutes is not null)
        {
            throw new UsageException("--cycles and --minutes cannot be used together; give the session length one way.");
        }

        if (options.Pattern is not null || options.PatternFile is not null)
        {
            var custom = options.Pattern is not null ? "--pattern" : "--pattern-file";
            if (options.Seconds is not null)
            {
                throw new UsageException($"--seconds and {custom} cannot be used together; --seconds sets a technique's breaths, a custom pattern has its own.");
            }

            if (options.Progress)
            {
                throw new UsageException($"--progress and {custom} cannot be used together; --progress lengthens a technique's breaths.");
            }
        }

        if (options.List)
        {
            var other = seen.FirstOrDefault(o => o is not ("--list" or "--plain" or "--colour" or "--color"));
            if (other is not null)
            {
                throw new UsageException($"--list and {other} cannot be used together; --list only shows the techniques.");
            }
        }

        return options;
    }

    private static CommandLineOptions Flag(CommandLineOptions options, string name, string? inline) =>
        inline is null ? options : throw UsageException.ForOption(name, $"takes no value; got \"{inline}\".");

    private static string Value(IReadOnlyList<string> args, ref int i, string name, string? inline)
    {
        if (inline is not null)
        {
            return inline;
        }

        if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
        {
            throw UsageException.ForOption(name, "needs a value.");
        }

        return args[++i];
    }

    private static string Text(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw UsageException.ForOption(name, "needs a value; got an empty one.") : value.Trim();

    private static int Cycles(string name, string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cycles) || cycles < 1 || cycles > PatternLimits.MaximumCycles)
        {
            throw UsageException.ForOption(name, $"expected a whole number of cycles from 1 to {PatternLimits.MaximumCycles.ToString(CultureInfo.InvariantCulture)}; got \"{value}\".");
        }

        return cycles;
    }

    private static double Minutes(string name, string value)
    {
        var max = PatternLimits.MaximumSessionDuration.TotalMinutes;
        if (!TryNumber(value, out var minutes) || minutes <= 0 || minutes > max)
        {
            throw UsageException.ForOption(name, $"expected a number of minutes above 0 and at most {max.ToString(CultureInfo.InvariantCulture)}; got \"{value}\".");
        }

        return minutes;
    }

    private static double Seconds(string name, double min, double max, string value)
    {
        if (!TryNumber(value, out var seconds) || seconds < min || seconds > max)
        {
            throw UsageException.ForOption(name, $"expected from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} seconds; got \"{value}\".");
        }

        return seconds;
    }

    private static double Seconds(string name, string value) =>
        Seconds(name, BreathingTechniques.ThreePart.MinimumSeconds, BreathingTechniques.ThreePart.MaximumSeconds, value);

    private static double Speed(string name, string value)
    {
        if (!TryNumber(value, out var speed) || speed < MinimumSpeed || speed > MaximumSpeed)
        {
            throw UsageException.ForOption(name, $"expected a factor from {MinimumSpeed.ToString(CultureInfo.InvariantCulture)} to {MaximumSpeed.ToString(CultureInfo.InvariantCulture)}; got \"{value}\".");
        }

        return speed;
    }

    private static CommandLineOptions Colour(CommandLineOptions options, string name, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > 0 && Style.TryParse(trimmed.ToLowerInvariant(), out var style) && style is { Foreground: var colour }
            && colour != Color.Default && !trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return options with { ColourName = trimmed, Colour = colour };
        }

        throw UsageException.ForOption(name, $"unknown colour \"{value}\"; use a colour name such as teal, orchid or steelblue1, or a hex value such as #5f87d7.");
    }

    private static bool TryNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
