namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// How the browser tests find (or install) Chromium and axe-core on a machine, on a pretend machine: which files
/// exist, who we are and what apt-get and npm answer. Nothing is installed and no browser is started.
/// </summary>
public sealed class ChromiumLocatorTests
{
    [Fact]
    public void Ensure_ChromiumPathNamesAMissingFile_FailsNamingTheVariableAndThePath_AndInstallsNothing()
    {
        var machine = new PretendMachine { IsRoot = true, Commands = { "/usr/bin/apt-get" }, Files = { "/usr/bin/chromium" } };

        var act = () => new ChromiumLocator(machine.Tools, "/opt/nowhere/chromium").Ensure();

        act.Should().Throw<MissingToolException>()
            .WithMessage("CHROMIUM_PATH is '/opt/nowhere/chromium', but there is no file there.*unset it to use Debian's 'chromium' package*");
        machine.Ran.Should().BeEmpty("a wrong CHROMIUM_PATH is the user's to fix, not a reason to install anything");
    }

    [Fact]
    public void Ensure_ChromiumPathOnThisMachineMissing_IsAClearErrorNotACrash()
    {
        // The real file system: the variable points at a file that is not there.
        var missing = Path.Combine(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}", "chromium");

        var act = () => new ChromiumLocator(new SystemTools { Log = static _ => { } }, missing).Ensure();

        act.Should().Throw<MissingToolException>().WithMessage($"CHROMIUM_PATH is '{missing}', but there is no file there.*");
    }

    [Fact]
    public void Ensure_ChromiumPathSet_UsesIt()
    {
        var machine = new PretendMachine { Files = { "/opt/chromium/chrome", "/usr/bin/chromium" } };

        new ChromiumLocator(machine.Tools, "/opt/chromium/chrome").Ensure().Should().Be("/opt/chromium/chrome");
    }

    [Theory]
    [InlineData("/usr/bin/chromium")]
    [InlineData("/usr/bin/chromium-browser")]
    [InlineData("/usr/lib/chromium/chromium")]
    public void Ensure_NoVariable_FindsTheUsualPlaces(string installed)
    {
        var machine = new PretendMachine { Files = { installed } };

        new ChromiumLocator(machine.Tools, overridePath: null).Ensure().Should().Be(installed);
        machine.Ran.Should().BeEmpty();
    }

    [Fact]
    public void Ensure_OnlyOnPath_FindsItThere()
    {
        var machine = new PretendMachine { Commands = { "/home/me/bin/chromium" } };

        new ChromiumLocator(machine.Tools, overridePath: null).Ensure().Should().Be("/home/me/bin/chromium");
    }

    [Fact]
    public void Ensure_MissingAndNotRoot_FailsNamingThePackageToInstall_AndRunsNothing()
    {
        var machine = new PretendMachine { IsRoot = false, Commands = { "/usr/bin/apt-get" } };

        var act = () => new ChromiumLocator(machine.Tools, overridePath: null).Ensure();

        act.Should().Throw<MissingToolException>().WithMessage("*'chromium'*not root*apt-get install chromium*");
        machine.Ran.Should().BeEmpty();
    }

    [Fact]
    public void Ensure_MissingAndNoAptGet_FailsNamingThePackageToInstall()
    {
        var machine = new PretendMachine { IsRoot = true };

        var act = () => new ChromiumLocator(machine.Tools, overridePath: null).Ensure();

        act.Should().Throw<MissingToolException>().WithMessage("*'chromium'*apt-get is not available*apt-get install chromium*");
    }

    [Fact]
    public void Ensure_MissingAndRoot_InstallsDebiansChromiumOnce_WithALogLine()
    {
        var machine = new PretendMachine { IsRoot = true, Commands = { "/usr/bin/apt-get" } };
        machine.OnRun = command =>
        {
            if (command.Contains("install"))
            {
                machine.Files.Add("/usr/bin/chromium");
            }

            return new CommandResult(0, "ok");
        };
        var locator = new ChromiumLocator(machine.Tools, overridePath: null);

        locator.Ensure().Should().Be("/usr/bin/chromium");
        locator.Ensure().Should().Be("/usr/bin/chromium");

        machine.Ran.Should().Equal("/usr/bin/apt-get update", "/usr/bin/apt-get install -y chromium");
        machine.Logged.Should().Contain(l => l.Contains("installing the Debian package(s) 'chromium'") && l.Contains("apt-get install -y chromium"));
    }

    [Fact]
    public void Ensure_InstallFails_SaysWhatFailedAndWhatToInstall_AndDoesNotTryAgain()
    {
        var machine = new PretendMachine { IsRoot = true, Commands = { "/usr/bin/apt-get" } };
        machine.OnRun = command => command.EndsWith("update", StringComparison.Ordinal)
            ? new CommandResult(0, "Reading package lists...")
            : new CommandResult(100, "E: Unable to locate package chromium");
        var locator = new ChromiumLocator(machine.Tools, overridePath: null);

        var act = () => locator.Ensure();

        act.Should().Throw<MissingToolException>().WithMessage("*'apt-get install -y chromium' failed with exit code 100*apt-get install chromium*Unable to locate package chromium*");
        act.Should().Throw<MissingToolException>();
        machine.Ran.Should().HaveCount(2, "the install is tried once per test run, not once per test");
    }

    [Fact]
    public void AxeCore_NpmMissingAndNotRoot_FailsNamingWhatToInstall()
    {
        var machine = new PretendMachine { IsRoot = false };

        var act = () => new AxeCoreScript(machine.Tools, "/cache/axe").Source();

        act.Should().Throw<MissingToolException>().WithMessage("Accessibility checks:*'npm'*apt-get install npm*");
    }

    [Fact]
    public void AxeCore_NpmInstallFails_SaysSo()
    {
        var machine = new PretendMachine { Commands = { "/usr/bin/npm" }, OnRun = _ => new CommandResult(1, "npm error network") };
        var cache = Path.Combine(Path.GetTempPath(), $"axe-test-{Guid.NewGuid():N}");
        try
        {
            var act = () => new AxeCoreScript(machine.Tools, cache).Source();

            act.Should().Throw<MissingToolException>().WithMessage($"*npm install axe-core@{AxeCoreScript.Version}' failed (exit code 1)*npm error network*");
            machine.Ran.Should().ContainSingle().Which.Should().StartWith("/usr/bin/npm install --prefix ").And.EndWith($"axe-core@{AxeCoreScript.Version}");
        }
        finally
        {
            foreach (var leftover in Directory.GetDirectories(Path.GetTempPath(), Path.GetFileName(cache) + "*"))
            {
                Directory.Delete(leftover, recursive: true);
            }
        }
    }

    /// <summary>A machine made of a set of files, commands on PATH, a user, and scripted answers to commands.</summary>
    private sealed class PretendMachine
    {
        public HashSet<string> Files { get; } = [];

        public List<string> Commands { get; } = [];

        public bool IsRoot { get; init; }

        public List<string> Ran { get; } = [];

        public List<string> Logged { get; } = [];

        public Func<string, CommandResult> OnRun { get; set; } = static _ => new CommandResult(0, string.Empty);

        public SystemTools Tools => new()
        {
            FileExists = path => Files.Contains(path) || Commands.Contains(path),
            FindOnPath = name => Commands.FirstOrDefault(c => Path.GetFileName(c) == name),
            IsRoot = IsRoot,
            Run = (program, arguments, _) =>
            {
                var command = string.Join(' ', [program, .. arguments]);
                Ran.Add(command);
                return OnRun(command);
            },
            Log = Logged.Add,
        };
    }
}
