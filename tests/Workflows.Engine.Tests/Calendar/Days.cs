using System.Globalization;

namespace Workflows.Engine.Tests.Calendar;

/// <summary>ISO dates in tests read like the regulation's examples.</summary>
internal static class Days
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
