namespace Workflows.Benchmarks.Measurement;

public sealed record Distribution(int Count, double Min, double Median, double P90, double P99, double Max, double Mean);

public static class Percentiles
{
    /// <summary>Nearest-rank percentiles: p99 of 1,000 samples is the 990th smallest, a value that occurred.</summary>
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        return new Distribution(sorted.Length, sorted[0], Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
