using BenchmarkDotNet.Attributes;
using BreathPacing.Serialization;

namespace BreathPacing.Benchmarks.Micro;

/// <summary>The pattern formats: the compact notation and the JSON document, each way.</summary>
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private const string Notation = "10x 4-7-8-0";
    private BreathPattern _threePart = null!;
    private BreathPattern _parsed = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _threePart = BreathingTechniques.ThreePartBreath();
        _parsed = BreathNotation.Parse(Notation);
        _json = BreathPatternJson.Serialize(_threePart);
    }

    [Benchmark]
    public BreathPattern NotationParse() => BreathNotation.Parse(Notation);

    [Benchmark]
    public string NotationFormat() => BreathNotation.Format(_parsed);

    [Benchmark]
    public string JsonSerialize_ThreePartBreath() => BreathPatternJson.Serialize(_threePart);

    [Benchmark]
    public BreathPattern JsonDeserialize_ThreePartBreath() => BreathPatternJson.Deserialize(_json);
}
