using System.Reflection;

namespace BreathPacing.Tests;

/// <summary>Design rules enforced by reflection, NodaTime style.</summary>
public class DesignRulesTests
{
    private static readonly Type[] PublicTypes = typeof(BreathPattern).Assembly.GetExportedTypes();

    [Fact]
    public void ValueTypesOfTheModel_HaveNoPublicMutators()
    {
        // Options classes are configuration bags, copied and validated when used; everything else is immutable.
        var mutable = PublicTypes
            .Where(t => t != typeof(BreathPacingOptions))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        mutable.Should().BeEmpty();
    }

    [Fact]
    public void ConcreteClasses_AreSealed()
    {
        var unsealed = PublicTypes.Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName).ToList();

        unsealed.Should().BeEmpty();
    }

    [Fact]
    public void Library_DependsOnlyOnRxAndDependencyInjectionAbstractions()
    {
        var references = typeof(BreathPattern).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System.", StringComparison.Ordinal) && n != "System" && n != "netstandard" && n != "mscorlib")
            .ToList();

        references.Should().BeSubsetOf(["System.Reactive", "Microsoft.Extensions.DependencyInjection.Abstractions"]);
    }
}
