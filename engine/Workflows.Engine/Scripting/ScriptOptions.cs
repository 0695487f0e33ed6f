namespace Workflows.Engine.Scripting;

/// <summary>
/// Limits applied to every single evaluation (a condition, an expression or a script task run).
/// Scripts come from procedure designers, so the limits protect the host, not the author.
/// </summary>
public sealed class ScriptOptions
{
    public const string Section = "Workflows:Scripting";

    /// <summary>Wall-clock budget of one evaluation, including turning its result into JSON.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Statements one evaluation may execute; 0 switches the limit off (the timeout still applies).</summary>
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryLimit { get; set; } = 16 * 1024 * 1024;

    /// <summary>Nested JavaScript calls one evaluation may make.</summary>
    public int RecursionLimit { get; set; } = 64;

    /// <summary>Budget of a single regular-expression match, so a catastrophic pattern cannot stall a thread.</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many parsed sources are kept; parsing dominates the cost of a small condition.</summary>
    public int CacheCapacity { get; set; } = 1024;

    internal void Validate()
    {
        Require(Timeout > TimeSpan.Zero, nameof(Timeout), "must be positive");
        Require(MaxStatements >= 0, nameof(MaxStatements), "must be zero (no limit) or positive");
        Require(MemoryLimit > 0, nameof(MemoryLimit), "must be positive");
        Require(RecursionLimit > 0, nameof(RecursionLimit), "must be positive");
        Require(RegexTimeout > TimeSpan.Zero, nameof(RegexTimeout), "must be positive");
        Require(CacheCapacity > 0, nameof(CacheCapacity), "must be positive");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"{Section}:{name} {rule}.");
        }
    }
}
