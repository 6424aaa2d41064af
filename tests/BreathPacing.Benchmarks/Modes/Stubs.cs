using BreathPacing.Benchmarks.Harness;
namespace BreathPacing.Benchmarks.Modes;
public static class WebMode { public static int Run(HarnessArgs a) => 0; }
public static class MicroMode { public static int Run(string[] a) => 0; }
