namespace Deliberation.Runtime.Tests.Clustering;

/// <summary>The private Redis of scripts/redis.sh, when one was started (<c>DELIBERATION_TEST_REDIS</c>).</summary>
public static class TestRedis
{
    public const string Variable = "DELIBERATION_TEST_REDIS";

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set.");
}

/// <summary>Reported as skipped (never as passed) when no Redis was started, so a run says what it did not test.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestRedis.Variable)))
            Skip = $"{TestRedis.Variable} is not set (eval \"$(bash scripts/redis.sh)\"): the Redis cluster cases did not run.";
    }
}
