using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflows.Engine.Persistence;

/// <summary>
/// Every instant is stored in UTC: PostgreSQL's timestamptz accepts only offset zero, and on
/// SQLite instants are stored as UTC ticks because SQLite cannot compare or order
/// DateTimeOffset text. Local time is a matter for display and for the calendar.
/// </summary>
public static class UtcInstants
{
    public static void Configure(ModelConfigurationBuilder builder, string? providerName)
    {
        if (providerName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            builder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);
}
