using System.Globalization;
using BreathPacing.Practice;

namespace BreathPacing.ConsoleHost.Tests.Support;

/// <summary>Practice records as a journal keeps them, made from their JSON (the library makes records only from real sessions or JSON).</summary>
public static class JournalRecords
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 18, 30, 0, TimeSpan.FromHours(1));

    /// <summary>A Three-Part Breath session of 6 cycles at <paramref name="seconds"/> per inhale.</summary>
    public static PracticeRecord ThreePart(DateTimeOffset endedAt, double seconds = 5, string? felt = "easy", int completed = 6, double activeSeconds = 60) =>
        PracticeJournalJson.DeserializeRecord(string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "endedAt": "{{endedAt:yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz}}",
              "techniqueId": "three-part-breath",
              "patternName": "Three-Part Breath",
              "options": { "kind": "threePartBreath", "startSeconds": {{seconds}}, "progress": false, "targetSeconds": 10, "stepSeconds": 1, "cyclesPerStep": 3 },
              "startSeconds": {{seconds}},
              "reachedInhaleSeconds": {{seconds}},
              "reachedExhaleSeconds": {{seconds}},
              "plannedCycles": 6,
              "completedCycles": {{completed}},
              "activeSeconds": {{activeSeconds}},
              "endedEarly": {{(completed < 6 ? "true" : "false")}}{{(felt is null ? "" : $", \"feeling\": \"{felt}\"")}}
            }
            """));

    /// <summary>A custom pattern's session (no technique).</summary>
    public static PracticeRecord Custom(DateTimeOffset endedAt, string name = "4-6") =>
        PracticeJournalJson.DeserializeRecord(string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "endedAt": "{{endedAt:yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz}}",
              "patternName": "{{name}}",
              "startSeconds": 4,
              "reachedInhaleSeconds": 4,
              "reachedExhaleSeconds": 6,
              "plannedCycles": 3,
              "completedCycles": 3,
              "activeSeconds": 30,
              "endedEarly": false
            }
            """));
}
