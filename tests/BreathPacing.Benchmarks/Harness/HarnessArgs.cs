using System.Globalization;

namespace BreathPacing.Benchmarks.Harness;

/// <summary>Minimal "--name value" / "--flag" parsing; unknown options are an error, not ignored.</summary>
public sealed class HarnessArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public HarnessArgs(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _options[pending] = null;
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                _options[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        if (pending is not null)
        {
            _options[pending] = null;
        }
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    public double Number(string name, double fallback)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (text is null || !double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"--{name} expects a positive number; was '{text}'.");
        }

        return value;
    }

    public int Int(string name, int fallback) => checked((int)Number(name, fallback));

    public string? Text(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var text) ? text : null;
    }

    /// <summary>Fails on any option no mode asked for (a typo would otherwise silently run the defaults).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
