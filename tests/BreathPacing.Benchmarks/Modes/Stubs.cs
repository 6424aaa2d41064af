using BreathPacing.Benchmarks.Harness;
namespace BreathPacing.Benchmarks.Modes;
public static class WebMode { public static int Run(HarnessArgs a) => 0; }
