using System.Text.Json;
using System.Text.Json.Serialization;

namespace BreathPacing.Serialization;

/// <summary>
/// Lets System.Text.Json read and write <see cref="BreathPattern"/> values inside larger documents (for example an
/// ASP.NET Core request body), in the <see cref="BreathPatternJson"/> format. Add it to
/// <see cref="JsonSerializerOptions.Converters"/>. Thread-safe.
/// </summary>
/// <remarks>
/// An invalid pattern is reported as a <see cref="JsonException"/> (so frameworks treat it as bad input, e.g. a 400
/// response) whose inner exception is the <see cref="BreathPatternJsonException"/> with the path inside the pattern.
/// </remarks>
public sealed class BreathPatternJsonConverter : JsonConverter<BreathPattern>
{
    /// <inheritdoc />
    public override BreathPattern Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return BreathPatternJson.Deserialize(document.RootElement);
        }
        catch (BreathPatternJsonException ex)
        {
            // Leave the path unset: the serializer fills in where the pattern sits in the outer document.
            throw new JsonException($"Invalid breath pattern: {ex.Message}", path: null, lineNumber: null, bytePositionInLine: null, innerException: ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BreathPattern value, JsonSerializerOptions options) =>
        BreathPatternJson.Write(writer, value);
}
