using System.Text;

namespace BreathPacing.ConsoleHost.Cli;

/// <summary>A command line as text a person can copy into a shell, e.g. <c>BreathPacing.Console --pattern "in 4 out 6"</c>.</summary>
internal static class CommandLineText
{
    /// <summary>The program's name and <paramref name="args"/>, each quoted when a shell would otherwise split or change it.</summary>
    public static string Format(IEnumerable<string> args) =>
        string.Join(' ', args.Select(Quote).Prepend(BreathCommand.ProgramName));

    private static string Quote(string arg)
    {
        if (arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '+'))
        {
            return arg;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in arg)
        {
            if (c is '"' or '\\' or '$' or '`')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }
}
