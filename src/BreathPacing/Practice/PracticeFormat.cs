using System.Globalization;

namespace BreathPacing.Practice;

/// <summary>How instants and numbers are written in the journal's JSON and CSV.</summary>
internal static class PracticeFormat
{
    /// <summary>ISO 8601 with the offset always written (<c>+00:00</c>, never <c>Z</c>) and up to 7 fraction digits.</summary>
    private const string InstantFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz";

    private static readonly string[] ReadFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'",
    ];

    public static string Instant(DateTimeOffset value) => value.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO 8601 instant that states its offset (<c>Z</c> or <c>±hh:mm</c>); a local time without one is refused.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Exact: a tick count divided by 10^7 is a decimal with at most 7 fraction digits.</summary>
    public static decimal Seconds(TimeSpan value) => (decimal)value.Ticks / TimeSpan.TicksPerSecond;
}
