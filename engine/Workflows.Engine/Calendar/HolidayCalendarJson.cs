using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Engine.Calendar;

/// <summary>
/// Reads and writes the <c>holidays-cn.json</c> format. Strict on purpose: a misspelt property
/// name (say <c>makeUpWorkdays</c>) or a year given twice would otherwise drop real make-up days
/// without a trace, and every deadline in that year would be wrong.
/// </summary>
internal static class HolidayCalendarJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static HolidayCalendarData Read(byte[] utf8Json)
    {
        FileModel? file;
        try
        {
            file = JsonSerializer.Deserialize<FileModel>(utf8Json, Options);
        }
        catch (JsonException ex)
        {
            // Some serializer messages (a duplicate year, for one) do not say where; the path does.
            string where = ex.Path is null ? "" : $" at {ex.Path}";
            throw new HolidayDataException($"the JSON does not have the holidays-cn.json shape{where}: {ex.Message}", ex);
        }

        if (file?.Years is null)
        {
            throw new HolidayDataException("the document has no \"years\" object.");
        }

        var errors = new List<string>();
        var years = new List<HolidayYear>();
        foreach (var (key, model) in file.Years)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
                || year.ToString(CultureInfo.InvariantCulture) != key)
            {
                errors.Add($"\"{key}\" is not a year.");
                continue;
            }

            if (model is null)
            {
                errors.Add($"year {key} is null.");
                continue;
            }

            var holidays = ParseDates(year, model.Holidays, "holidays", errors);
            var makeUpDays = ParseDates(year, model.MakeUpWorkdays, "makeupWorkdays", errors);
            var yearErrors = HolidayYear.Validate(year, holidays, makeUpDays);
            errors.AddRange(yearErrors);
            if (yearErrors.Count == 0)
            {
                years.Add(new HolidayYear(year, holidays, makeUpDays));
            }
        }

        if (errors.Count > 0)
        {
            throw new HolidayDataException(errors);
        }

        return new HolidayCalendarData(years, file.Source);
    }

    public static string Write(HolidayCalendarData data)
    {
        var file = new FileModel
        {
            Source = data.Source,
            Years = data.Years.ToDictionary(
                pair => pair.Key.ToString(CultureInfo.InvariantCulture),
                pair => (YearModel?)new YearModel
                {
                    Holidays = pair.Value.Holidays.Order().Select(d => (string?)HolidayYear.Iso(d)).ToList(),
                    MakeUpWorkdays = pair.Value.MakeUpWorkingDays.Order().Select(d => (string?)HolidayYear.Iso(d)).ToList(),
                }),
        };
        return JsonSerializer.Serialize(file, new JsonSerializerOptions(Options)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Keep 调休 and other CJK text in "source" readable for the admins who edit the file.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private static List<DateOnly> ParseDates(int year, List<string?>? texts, string property, List<string> errors)
    {
        if (texts is null)
        {
            errors.Add($"{year}.{property} is null; use [] for none.");
            return [];
        }

        var days = new List<DateOnly>(texts.Count);
        foreach (var text in texts)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
            else
            {
                errors.Add(text is null
                    ? $"{year}.{property} contains null."
                    : $"{year}.{property} contains \"{text}\", which is not a date in the form yyyy-MM-dd.");
            }
        }

        return days;
    }

    private sealed class FileModel
    {
        [JsonPropertyName("source")]
        public string? Source { get; set; }

        [JsonPropertyName("years")]
        [JsonRequired]
        public Dictionary<string, YearModel?>? Years { get; set; }
    }

    // Both lists are required even when empty: a year typed without its make-up days must be an
    // error, not a year in which every weekend is a rest day.
    private sealed class YearModel
    {
        [JsonPropertyName("holidays")]
        [JsonRequired]
        public List<string?>? Holidays { get; set; }

        [JsonPropertyName("makeupWorkdays")]
        [JsonRequired]
        public List<string?>? MakeUpWorkdays { get; set; }
    }
}
