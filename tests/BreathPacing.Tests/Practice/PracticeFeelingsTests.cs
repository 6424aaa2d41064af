using BreathPacing.Practice;

namespace BreathPacing.Tests.Practice;

public class PracticeFeelingsTests
{
    [Fact]
    public void Code_EveryFeeling_ReadsBackAndIsWhatTheJournalWrites()
    {
        foreach (var feeling in PracticeFeelings.All)
        {
            var code = PracticeFeelings.Code(feeling);

            PracticeFeelings.TryParse(code, out var back).Should().BeTrue();
            back.Should().Be(feeling);
            PracticeTextKeys.Feeling(feeling).Should().EndWith("." + code, "the text key and the journal share the code");
        }

        PracticeFeelings.All.Should().BeEquivalentTo(Enum.GetValues<PracticeFeeling>());
    }

    [Theory]
    [InlineData("Easy")]
    [InlineData("woozy")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownCode_IsFalse(string? code) => PracticeFeelings.TryParse(code, out _).Should().BeFalse();

    [Fact]
    public void Code_UndefinedValue_Throws() =>
        FluentActions.Invoking(() => PracticeFeelings.Code((PracticeFeeling)42)).Should().Throw<ArgumentOutOfRangeException>();
}
