using System.Globalization;

namespace BreathPacing;

/// <summary>
/// Seconds as the library reads and writes them, in one place: a <see cref="TimeSpan"/> is a whole number of 100 ns
/// ticks, so its seconds are an exact <see cref="decimal"/> with at most 7 fraction digits; text and numbers are read
/// as the nearest tick (halves away from zero).
/// </summary>
internal static class ExactSeconds
{
    private const string ExactFormat = "0.#######";

    /// <summary>The exact seconds of <paramref name="value"/>, e.g. 4.5 or 0.0099999.</summary>
    /// <remarks>Decimal division keeps the smallest scale that represents the result, so 4 s is 4, not 4.0000000.</remarks>
    public static decimal Of(TimeSpan value) => (decimal)value.Ticks / TimeSpan.TicksPerSecond;

    /// <summary>The exact seconds of <paramref name="value"/> as text with a unit, e.g. <c>0.0099999 s</c>.</summary>
    public static string Text(TimeSpan value) => Number(value) + " s";

    /// <summary>The exact seconds of <paramref name="value"/> as a bare number, e.g. <c>4.5</c>.</summary>
    public static string Number(TimeSpan value) => Of(value).ToString(ExactFormat, CultureInfo.InvariantCulture);

    /// <summary>A number of seconds as given, e.g. <c>600.00000006</c>.</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A <see cref="double"/> as given, in the shortest text that reads back to the same value (<c>1E-12</c>, <c>NaN</c>).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The nearest whole number of ticks to <paramref name="value"/> units of <paramref name="ticksPerUnit"/>; the caller bounds the value.</summary>
    public static long Ticks(decimal value, long ticksPerUnit = TimeSpan.TicksPerSecond) =>
        (long)Math.Round(value * ticksPerUnit, MidpointRounding.AwayFromZero);

    /// <summary>The nearest whole number of ticks to <paramref name="value"/> units of <paramref name="ticksPerUnit"/>; the caller bounds the value to finite numbers well inside <see cref="long"/>.</summary>
    public static long Ticks(double value, long ticksPerUnit = TimeSpan.TicksPerSecond) =>
        (long)Math.Round(value * ticksPerUnit, MidpointRounding.AwayFromZero);
}
