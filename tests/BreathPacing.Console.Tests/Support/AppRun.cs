using BreathPacing.Grounding;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.ConsoleHost.Tests.Support;

/// <summary>Runs <see cref="ConsoleApp"/> in-process on string writers, as if its output were redirected, with a journal in a temp folder.</summary>
public static class AppRun
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        RunInAsync(outputRedirected: true, variables: [], args);

    /// <summary>Runs with a catalog registered as <see cref="IGroundingCatalog"/>, as an app with techniques of its own would.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunWithCatalogAsync(IGroundingCatalog catalog, params string[] args) =>
        RunInAsync(outputRedirected: true, variables: [], args, services => services.AddSingleton(catalog));

    /// <summary>Runs with input redirected (no picker, no keys), output redirected or not, and the given environment variables.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunInAsync(bool outputRedirected, Dictionary<string, string> variables, params string[] args) =>
        RunInAsync(outputRedirected, variables, args, configureServices: null);

    private static async Task<(int ExitCode, string Out, string Error)> RunInAsync(bool outputRedirected, Dictionary<string, string> variables, string[] args, Action<IServiceCollection>? configureServices)
    {
        // Each run keeps its journal in a folder of its own (unless the test names one), never in the user's.
        using var data = variables.ContainsKey("XDG_DATA_HOME") ? null : new TempFolder();
        var lookup = data is null ? variables : new Dictionary<string, string>(variables) { ["XDG_DATA_HOME"] = data.Path };
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new AppEnvironment(output, error, outputRedirected, IsInputRedirected: true, name => lookup.GetValueOrDefault(name), TimeProvider.System);
        var code = await new ConsoleApp(environment, configureServices).RunAsync(args, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    public static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}
