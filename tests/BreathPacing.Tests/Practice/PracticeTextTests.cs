using System.Globalization;
using BreathPacing.Grounding;
using BreathPacing.Practice;

namespace BreathPacing.Tests.Practice;

/// <summary>The words a person sees around practice are content: in the catalog, translatable, filled in with the plan's numbers.</summary>
public class PracticeTextTests
{
    /// <summary>Every key the practice types hand a host to look up.</summary>
    public static IEnumerable<string> AllKeys() =>
        Enum.GetValues<PracticeFeeling>().Select(PracticeTextKeys.Feeling)
            .Concat(Enum.GetValues<PracticePlanReasonKind>().Select(PracticeTextKeys.PlanReason))
            .Prepend(PracticeTextKeys.FeelingQuestion);

    [Fact]
    public void EveryKey_HasBuiltInEnglishText()
    {
        var missing = AllKeys().Where(key => string.IsNullOrWhiteSpace(GroundingCatalog.Default.GetText(key))).ToList();

        missing.Should().BeEmpty();
    }

    [Fact]
    public void Keys_AreTheGroundingCatalogsKeys()
    {
        PracticeTextKeys.FeelingQuestion.Should().Be(GroundingTextKeys.PracticeFeelingQuestion);
        PracticeTextKeys.Feeling(PracticeFeeling.Dizzy).Should().Be(GroundingTextKeys.PracticeFeeling("dizzy"));
        PracticeTextKeys.PlanReason(PracticePlanReasonKind.EasyInARow).Should().Be(GroundingTextKeys.PracticePlanReason("easy-in-a-row"));
    }

    [Fact]
    public void Feelings_ReadAsThePersonIsAsked() =>
        Enum.GetValues<PracticeFeeling>().Select(f => GroundingCatalog.Default.GetText(PracticeTextKeys.Feeling(f)))
            .Should().Equal("Easy", "Comfortable", "Hard", "Dizzy or light-headed");

    [Fact]
    public void EveryReasonText_FillsInWithThePlansNumbers()
    {
        foreach (var kind in Enum.GetValues<PracticePlanReasonKind>())
        {
            var reason = new PracticePlanReason(kind, 5, 6, PracticeFeeling.Easy, 2, 2);

            var text = reason.Format(GroundingCatalog.Default.GetText(reason.TextKey)!);

            text.Should().NotContain("{", kind.ToString());
        }
    }

    [Fact]
    public void Dizzy_SaysToGoBackToTheStartAndWhy()
    {
        var next = PracticePlan.Default.Next(BreathingTechniques.ThreePart, [PracticeGen.Session(8, PracticeFeeling.Dizzy)]);

        var text = next.Reason.Format(GroundingCatalog.Default.GetText(next.Reason.TextKey)!);

        text.Should().Be("You felt dizzy or light-headed: go back to the starting length, breathing in for 4 seconds. Breaths that are long too soon can make you dizzy, so lengthen them only as the practice gets easier.");
    }

    [Fact]
    public void Reasons_AreTranslatableAndNumbersFollowTheCulture()
    {
        var german = CultureInfo.GetCultureInfo("de");
        var catalog = GroundingCatalog.Create(b => b.AddText("de", PracticeTextKeys.PlanReason(PracticePlanReasonKind.EasyInARow), "{2} leichte Sitzungen: von {0} auf {1} Sekunden verlängern."));
        var plan = new PracticePlan(new PracticePlanOptions { StepSeconds = 0.5 });
        var reason = plan.Next(BreathingTechniques.ThreePart, PracticeGen.Script((4, PracticeFeeling.Easy), (4, PracticeFeeling.Easy))).Reason;

        reason.Format(catalog.GetText(reason.TextKey, german)!, german).Should().Be("2 leichte Sitzungen: von 4 auf 4,5 Sekunden verlängern.");
        reason.Format(catalog.GetText(reason.TextKey)!).Should().Be("2 easy sessions in a row: breathe in for 4.5 seconds now, up from 4.");
    }
}
