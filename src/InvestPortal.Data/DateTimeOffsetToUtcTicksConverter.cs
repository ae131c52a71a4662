using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InvestPortal.Data;

/// <summary>Stores a DateTimeOffset as UTC ticks (a sortable integer) in SQLite; reads it back as UTC.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
