namespace BreathPacing.ConsoleHost.Cli;

/// <summary>
/// A command-line mistake: the app prints <see cref="Exception.Message"/> as one line on standard error,
/// then the usage, and exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>A mistake in one option's value, e.g. <c>--cycles: expected a whole number from 1 to 100000; got "0".</c></summary>
    public static UsageException ForOption(string option, string problem) => new($"{option}: {problem}");
}
