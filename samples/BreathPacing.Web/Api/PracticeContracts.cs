using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using BreathPacing.Practice;

namespace BreathPacing.Web.Api;

/// <summary>
/// Asks for the next session of a technique. The server keeps no history: the client sends the records the plan reads.
/// </summary>
/// <param name="TechniqueId">The technique's id or alias, e.g. <c>three-part-breath</c>.</param>
/// <param name="Records">
/// The practice journal: a version-1 document (<c>{ "version": 1, "records": [...] }</c>, as
/// <see cref="PracticeJournalJson"/> writes it) or its <c>records</c> array; <c>[]</c> when there is none. Records of
/// other techniques and of custom patterns are passed over, so a client may send its whole journal or only this
/// technique's latest records (the plan reads the latest ones at the latest length).
/// </param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PracticePlanRequest(string? TechniqueId = null, JsonElement? Records = null);

/// <summary>What to breathe next and why (<see cref="PracticePlan.Next"/>).</summary>
/// <param name="TechniqueId">The technique's id.</param>
/// <param name="TechniqueName">The technique's name.</param>
/// <param name="Options">
/// The options the plan suggests, of the technique's own options type: the shared settings (<c>startSeconds</c>,
/// <c>progress</c>, <c>targetSeconds</c>, <c>stepSeconds</c>, <c>cyclesPerStep</c>) and the type's own (e.g. Ocean's
/// Breath's <c>exhaleRatio</c>). Send them as <c>options</c> of <c>POST /api/sessions</c> to follow the plan.
/// </param>
/// <param name="Session">The plan's seconds per inhale and progression: what a form shows of <paramref name="Options"/>.</param>
/// <param name="Range">Where the plan starts the technique and the goal it works toward.</param>
/// <param name="Reason">Why, with its text from the grounding catalog.</param>
public sealed record PracticePlanView(
    string TechniqueId,
    string TechniqueName,
    JsonElement Options,
    PracticeSessionSettings Session,
    PracticeRangeView Range,
    PracticeReasonView Reason);

/// <summary>The settings of a session request that follow a suggestion.</summary>
/// <param name="TechniqueId">The technique's id.</param>
/// <param name="Seconds">Starting seconds per inhale.</param>
/// <param name="Progress">Whether the breath lengthens over the session.</param>
public sealed record PracticeSessionSettings(string TechniqueId, double Seconds, bool Progress);

/// <summary>A technique's range in the plan, in seconds per inhale.</summary>
/// <param name="StartSeconds">Where practice starts, and returns to after a dizzy session.</param>
/// <param name="GoalSeconds">The goal it works toward and never goes beyond.</param>
public sealed record PracticeRangeView(double StartSeconds, double GoalSeconds);

/// <summary>Why the plan suggests what it does.</summary>
/// <param name="Kind">The kind of reason, e.g. <c>easyInARow</c>.</param>
/// <param name="TextKey">The key of its text in the grounding catalog, e.g. <c>practice.plan.easy-in-a-row</c>.</param>
/// <param name="Text">Its text with the numbers filled in, or <see langword="null"/> when the catalog has none.</param>
/// <param name="FromSeconds">The latest session's length, or <see langword="null"/> before the first.</param>
/// <param name="ToSeconds">The length suggested.</param>
/// <param name="Feeling">The feeling that decided (<c>easy</c>, <c>comfortable</c>, <c>hard</c>, <c>dizzy</c>), or <see langword="null"/>.</param>
/// <param name="SessionsInARow">How many of the latest rated sessions at this length felt so, one after another.</param>
/// <param name="SessionsNeeded">How many in a row that feeling needs to change the length.</param>
public sealed record PracticeReasonView(
    PracticePlanReasonKind Kind,
    string TextKey,
    string? Text,
    double? FromSeconds,
    double ToSeconds,
    string? Feeling,
    int SessionsInARow,
    int SessionsNeeded);

/// <summary>Asks for the practice record of a session that has ended (<see cref="PracticeRecord.From"/>).</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="Feeling">How it felt (<c>easy</c>, <c>comfortable</c>, <c>hard</c>, <c>dizzy</c>), or absent when not asked yet.</param>
/// <param name="Seconds">For a session of a technique: the <c>seconds</c> it was started with, if any.</param>
/// <param name="Progress">For a session of a technique: the <c>progress</c> it was started with, if any.</param>
/// <param name="Options">For a session of a technique: the <c>options</c> it was started with, if any.</param>
/// <param name="Stop">
/// <see langword="true"/> to end a session that is still running or paused first, as the person's Stop does (it then
/// ends early, and stays readable for the completed grace period); otherwise a running session answers 409.
/// </param>
/// <param name="TimeZone">The person's IANA time zone, e.g. <c>Europe/Berlin</c>: the record's end time carries its offset.</param>
/// <param name="UtcOffsetMinutes">Or the person's offset from UTC in minutes, e.g. <c>60</c>. Neither means UTC.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PracticeRecordRequest(
    string? SessionId = null,
    string? Feeling = null,
    double? Seconds = null,
    bool? Progress = null,
    bool? Stop = null,
    string? TimeZone = null,
    int? UtcOffsetMinutes = null,
    JsonElement? Options = null);

/// <summary>A practice record, as one object of a journal document.</summary>
/// <param name="Version">The journal format version the record is written in (<see cref="PracticeJournalJson.CurrentVersion"/>).</param>
/// <param name="Record">The record, exactly as <see cref="PracticeJournalJson.SerializeRecord"/> writes it.</param>
public sealed record PracticeRecordView(int Version, JsonElement Record);

/// <summary>Asks for the figures of a journal, with days cut in the person's time zone (<see cref="PracticeStatistics.Of"/>).</summary>
/// <param name="Records">The journal: a version-1 document or its records array.</param>
/// <param name="TimeZone">The person's IANA time zone, e.g. <c>Europe/Berlin</c>; days are cut at its midnight.</param>
/// <param name="UtcOffsetMinutes">Or a fixed offset from UTC in minutes. Neither means UTC.</param>
/// <param name="Days">How many days, ending today, the <c>days</c> series covers: 1 to 366; 28 when absent.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PracticeStatisticsRequest(JsonElement? Records = null, string? TimeZone = null, int? UtcOffsetMinutes = null, int? Days = null);

/// <summary>The figures of the records sent.</summary>
/// <param name="Today">Today's date in the time zone.</param>
/// <param name="TimeZone">The time zone days were cut in.</param>
/// <param name="Sessions">How many sessions the records counted hold.</param>
/// <param name="ActiveSeconds">Their active time together, in seconds.</param>
/// <param name="CurrentStreak">Consecutive days with a session ending today (or yesterday, while today has none yet).</param>
/// <param name="LongestStreak">The longest run of consecutive days with a session.</param>
/// <param name="Days">Each of the last <c>days</c> days, ending today, days without a session included.</param>
/// <param name="Techniques">Each technique's sessions and level over time.</param>
/// <param name="NotCounted">Records left out: those that ended more than ten years ago or more than a day from now.</param>
public sealed record PracticeStatisticsView(
    DateOnly Today,
    string TimeZone,
    int Sessions,
    double ActiveSeconds,
    int CurrentStreak,
    int LongestStreak,
    IReadOnlyList<PracticeDayView> Days,
    IReadOnlyList<PracticeTechniqueView> Techniques,
    int NotCounted);

/// <summary>One day of the statistics.</summary>
/// <param name="Date">The date in the time zone.</param>
/// <param name="Sessions">Sessions that ended on it.</param>
/// <param name="ActiveSeconds">Their active time, in seconds.</param>
public sealed record PracticeDayView(DateOnly Date, int Sessions, double ActiveSeconds);

/// <summary>One technique's part of the statistics.</summary>
/// <param name="TechniqueId">The technique's id.</param>
/// <param name="Sessions">Its sessions.</param>
/// <param name="ActiveSeconds">Their active time, in seconds.</param>
/// <param name="Levels">One point per session, in end-time order.</param>
public sealed record PracticeTechniqueView(string TechniqueId, int Sessions, double ActiveSeconds, IReadOnlyList<PracticeLevelView> Levels);

/// <summary>One session of a technique as a point of its level over time.</summary>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Date">The day it counts on.</param>
/// <param name="StartSeconds">Its level: seconds of its first inhale.</param>
/// <param name="ReachedInhaleSeconds">Seconds inhaling in its last cycle.</param>
/// <param name="ReachedExhaleSeconds">Seconds exhaling in its last cycle.</param>
/// <param name="Feeling">How it felt, or <see langword="null"/>.</param>
public sealed record PracticeLevelView(DateTimeOffset EndedAt, DateOnly Date, double StartSeconds, double ReachedInhaleSeconds, double ReachedExhaleSeconds, string? Feeling);

/// <summary>The question asked after a session and the answers, in the catalog's words.</summary>
/// <param name="Question">The question, e.g. "How did the breathing feel?".</param>
/// <param name="Feelings">The answers in order, each with the code a record keeps.</param>
public sealed record PracticeFeelingsView(string Question, IReadOnlyList<PracticeFeelingView> Feelings);

/// <summary>One answer to how a session felt.</summary>
/// <param name="Code">The code a practice record keeps: <c>easy</c>, <c>comfortable</c>, <c>hard</c> or <c>dizzy</c>.</param>
/// <param name="Text">The words to show, e.g. "Dizzy or light-headed".</param>
public sealed record PracticeFeelingView(string Code, string Text);

/// <summary>The codes of <see cref="PracticeFeeling"/> as the journal format writes them (the camelCase names: easy, comfortable, hard, dizzy).</summary>
public static class PracticeFeelingCodes
{
    private static readonly FrozenDictionary<string, PracticeFeeling> ByCode =
        Enum.GetValues<PracticeFeeling>().ToFrozenDictionary(Of, StringComparer.Ordinal);

    /// <summary>Every feeling in order.</summary>
    public static IReadOnlyList<PracticeFeeling> All { get; } = Enum.GetValues<PracticeFeeling>();

    /// <summary>The codes, for messages: <c>"easy", "comfortable", "hard" or "dizzy"</c>.</summary>
    public static string Expected { get; } =
        string.Join(", ", All.Take(All.Count - 1).Select(f => $"\"{Of(f)}\"")) + $" or \"{Of(All[^1])}\"";

    /// <summary>The code of <paramref name="feeling"/>.</summary>
    /// <param name="feeling">The feeling.</param>
    /// <returns>Its code.</returns>
    public static string Of(PracticeFeeling feeling) => JsonNamingPolicy.CamelCase.ConvertName(feeling.ToString());

    /// <summary>Reads a code, exactly as the journal writes it.</summary>
    /// <param name="code">The code.</param>
    /// <param name="feeling">The feeling.</param>
    /// <returns>Whether <paramref name="code"/> is one.</returns>
    public static bool TryParse(string code, out PracticeFeeling feeling) => ByCode.TryGetValue(code, out feeling);
}
