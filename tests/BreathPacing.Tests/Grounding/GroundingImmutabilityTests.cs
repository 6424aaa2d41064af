using System.Collections.Immutable;
using System.Reflection;
using BreathPacing.Grounding;

namespace BreathPacing.Tests.Grounding;

public class GroundingImmutabilityTests
{
    private static readonly Type[] GroundingTypes = typeof(GroundingCatalog).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(GroundingCatalog).Namespace)
        .Where(t => t != typeof(GroundingTechniqueContent)) // an input description written with object initialisers, like options
        .ToArray();

    [Fact]
    public void PublicTypes_InGrounding_HaveNoPublicSetters()
    {
        GroundingTypes.Should().Contain([typeof(GroundingGuide), typeof(GroundingTechnique), typeof(GroundingCue), typeof(SelfCareRoutine), typeof(SourceReference)]);

        var setters = GroundingTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        setters.Should().BeEmpty("grounding content is immutable (init accessors count as setters too)");
    }

    [Fact]
    public void PublicTypes_InGrounding_HaveNoWritablePublicFields()
    {
        var fields = GroundingTypes
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(f => !f.IsLiteral && !f.IsInitOnly && !f.DeclaringType!.IsEnum)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");

        fields.Should().BeEmpty();
    }

    [Fact]
    public void CollectionProperties_InGrounding_AreImmutableCollections()
    {
        var mutable = GroundingTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(p => p.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
            .Where(p => !(p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() is var d
                          && (d == typeof(ImmutableArray<>) || d == typeof(ImmutableDictionary<,>))))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}");

        mutable.Should().BeEmpty();
    }

    [Fact]
    public void Records_MadeTwice_AreEqualByValue()
    {
        var first = GroundingCatalog.Default;
        var second = GroundingCatalog.Create(_ => { });

        second.Techniques.Should().NotBeSameAs(first.Techniques);
        for (var i = 0; i < first.Techniques.Length; i++)
        {
            second.Techniques[i].Should().NotBeSameAs(first.Techniques[i]);
            second.Techniques[i].Should().Be(first.Techniques[i]);
            second.Techniques[i].GetHashCode().Should().Be(first.Techniques[i].GetHashCode());
        }

        second.Guide.Should().Be(first.Guide);
        second.Guide.GetHashCode().Should().Be(first.Guide.GetHashCode());
        second.SelfCareRoutines.Should().Equal(first.SelfCareRoutines);
        second.Sources.Should().Equal(first.Sources);
        second.Sources.Select(s => s.GetHashCode()).Should().Equal(first.Sources.Select(s => s.GetHashCode()));
    }

    [Fact]
    public void Records_DifferingInOneText_AreNotEqual()
    {
        var renamed = GroundingCatalog.Create(b => b.AddText("en", GroundingTextKeys.TechniqueStep("oceans-breath", 4), "Exhale longer."));

        renamed.Find("ocean").Should().NotBe(GroundingCatalog.Default.Find("ocean"));
        renamed.Find("three-part").Should().Be(GroundingCatalog.Default.Find("three-part"));
    }

    [Fact]
    public void Catalog_ReadFromManyThreads_GivesOneViewPerCulture()
    {
        var catalog = GroundingCatalog.Create(_ => { });
        var cultures = new[] { "de-AT", "fr", "es-MX", "de-AT", "fr" };

        var views = cultures.AsParallel().Select(c => catalog.ForCulture(System.Globalization.CultureInfo.GetCultureInfo(c))).ToList();

        views.Distinct().Should().HaveCount(3);
        views.Should().OnlyContain(v => v.Techniques.Length == 2);
    }
}
