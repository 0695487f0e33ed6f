using System.Collections.Immutable;

namespace Workflows.Engine.Calendar;

/// <summary>
/// The statutory holiday data the calendar is built from: one <see cref="HolidayYear"/> per year
/// whose State Council notice has been entered. Immutable; edits return a new instance so a
/// calendar in use never changes under a running computation.
/// </summary>
public sealed class HolidayCalendarData
{
    /// <summary>Manifest name of the copy of <c>holidays-cn.json</c> shipped inside the engine.</summary>
    public const string BuiltInResourceName = "Workflows.Engine.Calendar.Data.holidays-cn.json";

    public static readonly HolidayCalendarData Empty = new([]);

    /// <exception cref="HolidayDataException">A year appears twice.</exception>
    public HolidayCalendarData(IEnumerable<HolidayYear> years, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        var builder = ImmutableSortedDictionary.CreateBuilder<int, HolidayYear>();
        foreach (var year in years)
        {
            if (!builder.TryAdd(year.Year, year))
            {
                throw new HolidayDataException($"year {year.Year} is given twice.");
            }
        }

        Years = builder.ToImmutable();
        Source = source;
    }

    private HolidayCalendarData(ImmutableSortedDictionary<int, HolidayYear> years, string? source)
    {
        Years = years;
        Source = source;
    }

    /// <summary>Where the dates come from (which notices), kept so an audit can trace them.</summary>
    public string? Source { get; }

    /// <summary>The years with data, in ascending order.</summary>
    public ImmutableSortedDictionary<int, HolidayYear> Years { get; }

    /// <summary>Reads the <c>holidays-cn.json</c> format.</summary>
    /// <exception cref="HolidayDataException">Malformed JSON, unknown properties, bad or contradictory dates.</exception>
    public static HolidayCalendarData Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return HolidayCalendarJson.Read(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static HolidayCalendarData Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return HolidayCalendarJson.Read(buffer.ToArray());
    }

    /// <summary>The data shipped with the product (the notices current at release).</summary>
    public static HolidayCalendarData LoadBuiltIn()
    {
        using var stream = typeof(HolidayCalendarData).Assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {BuiltInResourceName} is missing from {typeof(HolidayCalendarData).Assembly.GetName().Name}.");
        return Load(stream);
    }

    /// <summary>Serialises to the <c>holidays-cn.json</c> format, dates sorted, so edited data can be stored and reloaded.</summary>
    public string ToJson() => HolidayCalendarJson.Write(this);

    /// <summary>This data with <paramref name="year"/> added, or replacing the year already present.</summary>
    public HolidayCalendarData WithYear(HolidayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new HolidayCalendarData(Years.SetItem(year.Year, year), Source);
    }

    public HolidayCalendarData WithoutYear(int year) => new(Years.Remove(year), Source);

    public HolidayCalendarData WithSource(string? source) => new(Years, source);
}
