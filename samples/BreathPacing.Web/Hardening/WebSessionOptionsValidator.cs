using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Hardening;

/// <summary>Refuses to start with a limit out of range, naming the setting and its value.</summary>
public sealed class WebSessionOptionsValidator : IValidateOptions<WebSessionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebSessionOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
