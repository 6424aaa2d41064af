using System.Reflection;

namespace BreathPacing.Tests.Patterns;

public class PatternLimitsTests
{
    [Fact]
    public void Limits_AreReadOnlyProperties_SoCallersDoNotCompileTheValuesIn()
    {
        var fields = typeof(PatternLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name);
        var properties = typeof(PatternLimits).GetProperties(BindingFlags.Public | BindingFlags.Static);

        fields.Should().BeEmpty();
        properties.Should().OnlyContain(p => p.CanRead && !p.CanWrite);
        properties.Select(p => p.Name).Should().Contain(["MaximumPhases", "MaximumCycles", "MaximumNameLength", "MaximumKeyLength", "MinimumPhaseDuration"]);
    }
}
