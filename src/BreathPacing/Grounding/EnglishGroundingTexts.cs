using static BreathPacing.Grounding.GroundingTextKeys;

namespace BreathPacing.Grounding;

/// <summary>
/// The built-in English content. The facts come from the source article (see <see cref="BuiltInGroundingContent"/>);
/// the wording is the project's own. Make no health claim here that the article does not make.
/// </summary>
internal static class EnglishGroundingTexts
{
    private const string ThreePart = BreathingTechniques.ThreePartBreathId;
    private const string Ocean = BreathingTechniques.OceansBreathId;

    public static IEnumerable<KeyValuePair<string, string>> All { get; } =
    [
        // The guide.
        new(GuideTitle, "Grounding for practitioners"),
        new(GuidePurpose, "Two simple breathing exercises and a handful of everyday self-care habits that help a practitioner settle back into steady ground after demanding sessions and keep burnout at bay."),
        new(GuideAudience, "Practitioners, massage therapists for example, whose work brings them close to clients living with trauma, session after session."),
        new(GuideBackground, "The article presents massage as something that may help people living with trauma: easing stress, lifting mood and helping the body settle out of a fight-or-flight state. It also points out that giving this care all day is mentally and physically taxing, which is why the people who give it need grounding and self-care of their own."),

        // Three-Part Breath.
        new(TechniqueName(ThreePart), "Three-Part Breath"),
        new(TechniqueSummary(ThreePart), "A slow breath that fills three regions of the torso in turn (lower belly, upper belly, chest) and then empties them in reverse order while the core draws in."),
        new(TechniqueStep(ThreePart, 1), "Picture your torso as three regions: the lower belly beneath the navel, the upper belly between the navel and the rib cage, and the chest."),
        new(TechniqueStep(ThreePart, 2), "Choose a colour to give your breath."),
        new(TechniqueStep(ThreePart, 3), "As you breathe in, carry that colour into the lower belly first, then up into the upper belly, then into the chest."),
        new(TechniqueStep(ThreePart, 4), "As you breathe out, let the air leave the chest first, then the upper belly, then the lower belly, drawing your core in as you go."),
        new(TechniqueStep(ThreePart, 5), "Begin with about 4 to 5 seconds for each in-breath and each out-breath; once that feels easy, build gradually toward 10 seconds each."),
        new(TechniqueVisualisation(ThreePart), "Colour your breath: imagine the air you draw in has a colour of your choosing, and watch it fill the lower belly, the upper belly and the chest in turn."),
        new(TechniqueCaution(ThreePart, 1), "Don't open with long breaths: keeping each inhale and exhale to about 4 to 5 seconds at first helps you avoid feeling dizzy."),
        new(TechniqueCaution(ThreePart, 2), "Lengthen the breaths only as the exercise becomes easier, a little at a time, rather than jumping straight to 10 seconds."),
        new(TechniqueTiming(ThreePart), "Start with 4 to 5 seconds per inhale and per exhale. As the technique gets easier, work up toward 10 seconds for each."),
        new(CueKeys.ThreePartInhale, "Breathe in slowly, filling the lower belly, then the upper belly, then the chest."),
        new(CueKeys.ThreePartInhaleLowerBelly, "Draw the breath, and its colour, down into the lower belly, below the navel."),
        new(CueKeys.ThreePartInhaleUpperBelly, "Let the breath rise into the upper belly, between the navel and the rib cage."),
        new(CueKeys.ThreePartInhaleChest, "Fill the chest to finish the inhale."),
        new(CueKeys.ThreePartExhale, "Breathe out from the top down: chest, then upper belly, then lower belly, drawing the core in."),
        new(CueKeys.ThreePartExhaleChest, "Let the chest empty first as you begin to draw the core in."),
        new(CueKeys.ThreePartExhaleUpperBelly, "Empty the upper belly, drawing the core in a little more."),
        new(CueKeys.ThreePartExhaleLowerBelly, "Empty the lower belly last, drawing the core in to press out the final breath."),

        // Ocean's Breath.
        new(TechniqueName(Ocean), "Ocean's Breath"),
        new(TechniqueSummary(Ocean), "Also known as ujjayi: breathe in through the nose, then breathe out through a slightly tightened throat so the breath sounds like a soft wave, letting each exhale last longer than the inhale."),
        new(TechniqueStep(Ocean, 1), "Breathe in through your nose."),
        new(TechniqueStep(Ocean, 2), "As you breathe out, tighten your throat slightly so the out-breath makes a soft sound, like a wave."),
        new(TechniqueStep(Ocean, 3), "If the sound is hard to find, imagine breathing out to fog up a mirror."),
        new(TechniqueStep(Ocean, 4), "Practise making every exhale last longer than the inhale before it."),
        new(TechniqueVisualisation(Ocean), "Picture your out-breath misting up a mirror: that gentle, audible haze is the sound to aim for."),
        new(TechniqueCaution(Ocean, 1), "Tighten the throat only slightly: the sound should stay soft, like a distant wave, never forced or rasping."),
        new(TechniqueCaution(Ocean, 2), "Let the exhale grow longer gradually; it should feel unhurried, not strained."),
        new(TechniqueTiming(Ocean), "There is no fixed count: what matters is that each exhale lasts longer than the inhale. Start with counts that feel easy and let the exhale grow a little at a time."),
        new(CueKeys.OceanInhale, "Breathe in through the nose."),
        new(CueKeys.OceanExhale, "Tighten the throat slightly and breathe out slowly with a soft wave sound, as if fogging a mirror; make it longer than the inhale."),

        // Self-care routines.
        new(RoutineName(BuiltInGroundingContent.MindfulFoodChoicesId), "Mindful food choices"),
        new(RoutineDescription(BuiltInGroundingContent.MindfulFoodChoicesId), "Pay attention to what you eat and choose your food with care."),
        new(RoutineName(BuiltInGroundingContent.StretchingOrYogaId), "Stretching or yoga"),
        new(RoutineDescription(BuiltInGroundingContent.StretchingOrYogaId), "Keep up a regular stretching or yoga routine."),
        new(RoutineName(BuiltInGroundingContent.StrollId), "A stroll"),
        new(RoutineDescription(BuiltInGroundingContent.StrollId), "Head out for an unhurried walk."),
        new(RoutineName(BuiltInGroundingContent.ReadingId), "A good book"),
        new(RoutineDescription(BuiltInGroundingContent.ReadingId), "Wind down with a good book."),
        new(RoutineName(BuiltInGroundingContent.EssentialOilAromasId), "Soothing aromas"),
        new(RoutineDescription(BuiltInGroundingContent.EssentialOilAromasId), "Breathe in the scent of a soothing essential oil."),

        // Practice over days: the question after a session, the answers, and the plan's reasons. The plan follows the
        // article's timing advice (start at 4 to 5 s so as not to get dizzy; lengthen toward 10 s as it gets easier).
        // Placeholders: {0} the length before, {1} the length suggested (seconds), {2} sessions in a row, {3} sessions needed.
        new(PracticeFeelingQuestion, "How did the breathing feel?"),
        new(PracticeFeeling("easy"), "Easy"),
        new(PracticeFeeling("comfortable"), "Comfortable"),
        new(PracticeFeeling("hard"), "Hard"),
        new(PracticeFeeling("dizzy"), "Dizzy or light-headed"),
        new(PracticePlanReason("first-session"), "Begin gently, breathing in for {1} seconds."),
        new(PracticePlanReason("not-rated"), "Stay at {1} seconds. Say how the next session feels and the plan will adjust."),
        new(PracticePlanReason("easy"), "That felt easy. Stay at {1} seconds for now: after {3} easy sessions in a row, the breaths lengthen."),
        new(PracticePlanReason("easy-in-a-row"), "{2} easy sessions in a row: breathe in for {1} seconds now, up from {0}."),
        new(PracticePlanReason("goal-reached"), "That felt easy, and {1} seconds is the goal: stay here."),
        new(PracticePlanReason("comfortable"), "That felt comfortable. Stay at {1} seconds until it feels easy."),
        new(PracticePlanReason("hard"), "That felt hard. Stay at {1} seconds for now: after {3} hard sessions in a row, the breaths shorten."),
        new(PracticePlanReason("hard-in-a-row"), "That felt hard: step back to breathing in for {1} seconds, down from {0}."),
        new(PracticePlanReason("hard-at-start"), "That felt hard. Stay at {1} seconds, the starting length, until it feels easier."),
        new(PracticePlanReason("dizzy"), "You felt dizzy or light-headed: go back to the starting length, breathing in for {1} seconds. Breaths that are long too soon can make you dizzy, so lengthen them only as the practice gets easier."),

        // What the article draws from each source.
        new(SourceNote(BuiltInGroundingContent.CollingeKahnSoltysik2012Id), "The article cites this study for massage possibly easing stress in body, mind and feelings, and lessening low mood, anxiety and irritability."),
        new(SourceNote(BuiltInGroundingContent.Price2005Id), "The article cites this study for massage helping people with trauma-related dissociation notice how emotions show up in the body and feel more at ease in it."),
        new(SourceNote(BuiltInGroundingContent.Field2005Id), "The article cites this study for massage lowering the stress hormone cortisol while raising serotonin and dopamine."),
        new(SourceNote(BuiltInGroundingContent.Hatayama2008Id), "The article cites this study for the relaxation of massage possibly helping people living with trauma let go of a fight-or-flight response and grow calmer."),
        new(SourceNote(BuiltInGroundingContent.SourceArticleId), "The article the grounding breaths, self-care routines and guidance in this catalog are drawn from."),
    ];
}
