using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BreathPacing.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreathPacing.Web.Content;

/// <summary>The options a request asks for, or why they cannot be had.</summary>
/// <param name="Options">The options (not yet checked against the technique's range: <see cref="BreathTechnique.CreatePattern"/> does that).</param>
/// <param name="Problem">The problem, naming the request's field.</param>
/// <param name="FieldOf">The request field that set each option (e.g. <c>startSeconds</c> → <c>seconds</c> or <c>options.startSeconds</c>).</param>
public sealed record TechniqueOptionsResult(BreathTechniqueOptions? Options, ProblemHttpResult? Problem, IReadOnlyDictionary<string, string> FieldOf)
{
    /// <summary>
    /// The request field to name for an option the library refused (its <see cref="BreathValidationException.Field"/>):
    /// the field that set it, or <c>options.{option}</c> for an option left at its default, since that is where to change it.
    /// </summary>
    /// <param name="option">The option's name as the library gives it, e.g. <c>targetSeconds</c>.</param>
    /// <returns>The request field.</returns>
    public string Field(string option) => FieldOf.TryGetValue(option, out var field) ? field : "options." + option;
}

/// <summary>
/// A technique's options as JSON, both ways, for any <see cref="BreathTechniqueOptions"/> record (an app's own
/// included), without knowing its type: options are written with their own type's properties in camelCase (the shared
/// settings and the type's own, e.g. Ocean's Breath's <c>exhaleRatio</c>), and a request's <c>options</c> object is
/// applied to a copy of the technique's <see cref="BreathTechnique.DefaultOptions"/> (<c>defaults with { }</c>),
/// each field set through System.Text.Json's contract for the options' runtime type — the same init properties a
/// <c>with</c> expression sets, so a field left out keeps the technique's default. Only properties the contract can
/// set are accepted; every value must be of its property's JSON kind (finite numbers, whole numbers for whole-number
/// options). The result is checked by the library when the pattern is made.
/// </summary>
public static class TechniqueOptionsJson
{
    /// <summary>Where options are written and read: camelCase, numbers only as numbers, enums by camelCase name.</summary>
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    /// <summary>The options as JSON, e.g. <c>{ "exhaleRatio": 1.5, "startSeconds": 4, "progress": false, … }</c>.</summary>
    /// <param name="options">The options.</param>
    /// <returns>Their JSON.</returns>
    public static JsonElement Write(BreathTechniqueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.SerializeToElement(options, options.GetType(), Json);
    }

    /// <summary>
    /// The technique's default options with the request's changes: <paramref name="options"/> (an object of option
    /// fields, as <see cref="Write"/> writes them), and the shortcuts <paramref name="seconds"/> (for
    /// <c>startSeconds</c>) and <paramref name="progress"/>.
    /// </summary>
    /// <param name="defaults">The technique's default options.</param>
    /// <param name="options">The request's <c>options</c> object, if any.</param>
    /// <param name="seconds">The request's <c>seconds</c>, if any.</param>
    /// <param name="progress">The request's <c>progress</c>, if any.</param>
    /// <returns>The options, or a 400 problem naming the field.</returns>
    public static TechniqueOptionsResult Apply(BreathTechniqueOptions defaults, JsonElement? options, double? seconds, bool? progress)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var fieldOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = defaults with { };
        if (seconds is { } s)
        {
            result = result with { StartSeconds = s };
            fieldOf[nameof(BreathTechniqueOptions.StartSeconds).ToCamelCase()] = "seconds";
        }

        if (progress is { } p)
        {
            result = result with { Progress = p };
            fieldOf[nameof(BreathTechniqueOptions.Progress).ToCamelCase()] = "progress";
        }

        if (options is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return new(result, null, fieldOf);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail("options", $"options: expected an object of option fields such as {{ \"startSeconds\": 5, \"progress\": true }}; got {SessionRequestReader.Kind(element)}.", fieldOf);
        }

        var contract = Json.GetTypeInfo(result.GetType());
        var properties = contract.Kind == JsonTypeInfoKind.Object ? contract.Properties : [];
        var known = string.Join(", ", properties.Where(static p => p.Set is not null).Select(static p => p.Name));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in element.EnumerateObject())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, field.Name, StringComparison.Ordinal))
                ?? properties.FirstOrDefault(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            var name = "options." + Problems.Echo(property?.Name ?? field.Name);
            if (property?.Set is null)
            {
                return Fail(name, $"Unknown option '{Problems.Echo(field.Name)}' for this technique; its options: {known}.", fieldOf);
            }

            if (!seen.Add(property.Name))
            {
                return Fail(name, $"{name} is given more than once.", fieldOf);
            }

            if (fieldOf.TryGetValue(property.Name, out var shortcut))
            {
                return Fail(name, $"Give {shortcut} or {name}, not both.", fieldOf);
            }

            if (field.Value.ValueKind == JsonValueKind.Null)
            {
                continue; // the technique's default, as for the request's other fields
            }

            if (Read(property.PropertyType, field.Value, out var value) is { } expected)
            {
                var raw = field.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? SessionRequestReader.Kind(field.Value) : field.Value.GetRawText();
                return new(null, Problems.InvalidField(name, raw, $"{name} = {Problems.Echo(raw)}: expected {expected}."), fieldOf);
            }

            property.Set(result, value);
            fieldOf[property.Name] = name;
        }

        return new(result, null, fieldOf);
    }

    /// <summary>Reads a value of <paramref name="type"/>; returns what was expected when it is not one.</summary>
    private static string? Read(Type type, JsonElement json, out object? value)
    {
        value = null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(double) || target == typeof(float) || target == typeof(decimal))
        {
            if (json.ValueKind != JsonValueKind.Number || !json.TryGetDouble(out var d) || !double.IsFinite(d))
            {
                return "a finite number";
            }
        }
        else if (target == typeof(int) || target == typeof(long) || target == typeof(short))
        {
            if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt64(out _))
            {
                return "a whole number";
            }
        }
        else if (target == typeof(bool))
        {
            if (json.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "true or false";
            }
        }
        else if (target == typeof(string) || target.IsEnum)
        {
            if (json.ValueKind != JsonValueKind.String)
            {
                return target.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(target).Select(static n => n.ToCamelCase()))}" : "a string";
            }
        }

        try
        {
            value = json.Deserialize(type, Json);
            return null;
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or InvalidOperationException or OverflowException)
        {
            return target.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(target).Select(static n => n.ToCamelCase()))}" : "a value of this option's kind";
        }
    }

    private static TechniqueOptionsResult Fail(string field, string detail, Dictionary<string, string> fieldOf) =>
        new(null, Problems.BadRequest(detail, new Dictionary<string, object?> { ["field"] = field }), fieldOf);

    private static string ToCamelCase(this string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
