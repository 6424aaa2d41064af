using System.IO.Compression;
using System.Xml.Linq;

namespace BreathPacing.Package.Tests;

/// <summary>What a user gets from `dotnet add package BreathPacing`, checked on the packed artefact itself.</summary>
public class PackageTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public void Pack_ProducesThePackageAndItsSymbols()
    {
        package.Pack.ExitCode.Should().Be(0, package.Pack.ToString());
        File.Exists(package.PackagePath).Should().BeTrue();
        File.Exists(package.SymbolsPath).Should().BeTrue();
    }

    [Fact]
    public void Package_CarriesBothTargetsTheirDocsAndTheReadme()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        entries.Should().Contain(["lib/net8.0/BreathPacing.dll", "lib/net8.0/BreathPacing.xml", "lib/net10.0/BreathPacing.dll", "lib/net10.0/BreathPacing.xml", "README.md"]);
        entries.Should().NotContain(e => e.Contains("Tests", StringComparison.OrdinalIgnoreCase) || e.Contains("Console", StringComparison.Ordinal) || e.Contains("Web", StringComparison.Ordinal));
    }

    [Fact]
    public void Nuspec_HasTheMetadataUsersTrust()
    {
        var metadata = Nuspec().Root!.Elements().First(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

        Value("id").Should().Be("BreathPacing");
        Value("version").Should().Be(package.Version);
        Value("license").Should().Be("MIT");
        Value("readme").Should().Be("README.md");
        Value("description").Should().Contain("breath");
        Value("tags").Should().Contain("breathing");
        Value("projectUrl").Should().StartWith("https://");
        Value("releaseNotes").Should().NotBeEmpty();
        metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("commit")!.Value.Should().MatchRegex("^[0-9a-f]{40}$", "SourceLink records the commit");
    }

    [Fact]
    public void Nuspec_DependsOnExactlyWhatTheLibraryNeeds()
    {
        var groups = Nuspec().Descendants().Where(e => e.Name.LocalName == "group").ToList();

        groups.Select(g => g.Attribute("targetFramework")!.Value).Should().BeEquivalentTo(["net8.0", "net10.0"]);
        foreach (var group in groups)
        {
            group.Elements().Select(d => d.Attribute("id")!.Value).Should().BeEquivalentTo(["System.Reactive", "Microsoft.Extensions.DependencyInjection.Abstractions"]);
        }
    }

    [Fact]
    public void Consumer_BuiltAgainstThePackageOnly_Runs()
    {
        var consumer = Path.Combine(package.RepositoryRoot, "tests", "BreathPacing.PackageConsumer");
        var output = Directory.CreateTempSubdirectory("breathpacing-consumer-").FullName;
        var build = PackageFixture.Run("dotnet",
            $"build \"{consumer}\" -c Release -o \"{output}\" -p:BreathPacingVersion={package.Version} -p:RestoreAdditionalProjectSources=\"{package.Feed}\" -nologo",
            package.RepositoryRoot);
        build.ExitCode.Should().Be(0, build.ToString());

        var run = PackageFixture.Run("dotnet", $"\"{Path.Combine(output, "BreathPacing.PackageConsumer.dll")}\"", output, timeoutSeconds: 120);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Output.Should().Contain("PACKAGE CONSUMER OK").And.Contain("Three-Part Breath").And.Contain("16.0 s  SessionCompleted").And.NotContain("FAIL");
        Directory.Delete(output, recursive: true);
    }

    private XDocument Nuspec()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var stream = zip.GetEntry("BreathPacing.nuspec")!.Open();
        return XDocument.Load(stream);
    }
}
