namespace BreathPacing.Benchmarks;
public static class Program { public static int Main(string[] args) { System.Console.WriteLine("hi"); return 0; } }
