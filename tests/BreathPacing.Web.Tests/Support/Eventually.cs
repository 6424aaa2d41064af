namespace BreathPacing.Web.Tests.Support;

public static class Eventually
{
    /// <summary>Polls (real time) until <paramref name="condition"/> holds: for work the server does on its own threads.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {because}.");
            }

            await Task.Delay(10);
        }
    }
}
