using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.Days;

namespace Workflows.Engine.Tests.Calendar;

public class HolidayCalendarDataTests
{
    private static string Json(string years) => $$"""{ "source": "test", "years": { {{years}} } }""";

    [Fact]
    public void LoadBuiltIn_HasTheNoticesFor2025And2026()
    {
        var data = HolidayCalendarData.LoadBuiltIn();

        Assert.Equal([2025, 2026], data.Years.Keys);
        // Counted in holidays-cn.json: 2025 has 1 + 8 + 3 + 5 + 3 + 8 holiday days, 2026 has 3 + 9 + 3 + 5 + 3 + 3 + 7.
        Assert.Equal(28, data.Years[2025].Holidays.Count);
        Assert.Equal(5, data.Years[2025].MakeUpWorkingDays.Count);
        Assert.Equal(33, data.Years[2026].Holidays.Count);
        Assert.Equal(6, data.Years[2026].MakeUpWorkingDays.Count);
        Assert.Contains("State Council", data.Source);
    }

    [Fact]
    public void Parse_ReadsHolidaysAndMakeUpDays()
    {
        var data = HolidayCalendarData.Parse(Json("""
            "2026": { "holidays": ["2026-10-01", "2026-10-02"], "makeupWorkdays": ["2026-10-10"] }
            """));

        Assert.Equal([D("2026-10-01"), D("2026-10-02")], data.Years[2026].Holidays.Order());
        Assert.Equal([D("2026-10-10")], data.Years[2026].MakeUpWorkingDays);
        Assert.Equal("test", data.Source);
    }

    [Theory]
    [InlineData("""
        "2025": { "holidays": ["2026-01-01"], "makeupWorkdays": [] }
        """, "2026-01-01 is listed under 2025 but belongs to 2026")]
    [InlineData("""
        "2025": { "holidays": ["2025-10-11"], "makeupWorkdays": ["2025-10-11"] }
        """, "2025-10-11 is listed both as a holiday and as a make-up working day")]
    [InlineData("""
        "2025": { "holidays": ["2025-02-30"], "makeupWorkdays": [] }
        """, "\"2025-02-30\", which is not a date")]
    [InlineData("""
        "2025": { "holidays": ["2025/10/01"], "makeupWorkdays": [] }
        """, "\"2025/10/01\", which is not a date")]
    [InlineData("""
        "2025": { "holidays": ["2025-10-01", "2025-10-01"], "makeupWorkdays": [] }
        """, "2025-10-01 is listed 2 times")]
    [InlineData("""
        "2025": { "holidays": [], "makeupWorkdays": ["2025-10-09"] }
        """, "2025-10-09 is a Thursday, already a working day")]
    [InlineData("""
        "2025": { "holidays": [null], "makeupWorkdays": [] }
        """, "2025.holidays contains null")]
    [InlineData("""
        "2025": { "holidays": [], "makeupWorkdays": null }
        """, "2025.makeupWorkdays is null")]
    [InlineData("""
        "25": { "holidays": [], "makeupWorkdays": [] }
        """, "year 25 is outside")]
    [InlineData("""
        "year2025": { "holidays": [], "makeupWorkdays": [] }
        """, "\"year2025\" is not a year")]
    public void Parse_Throws_NamingTheDateAtFault(string years, string expectedMessagePart)
    {
        var ex = Assert.Throws<HolidayDataException>(() => HolidayCalendarData.Parse(Json(years)));

        Assert.Contains(expectedMessagePart, ex.Message);
    }

    [Theory]
    // A misspelt key must not silently drop the make-up days.
    [InlineData("""{ "years": { "2025": { "holidays": [], "makeUpWorkdays": ["2025-10-11"] } } }""", "makeUpWorkdays")]
    [InlineData("""{ "years": { "2025": { "holidays": [] } } }""", "makeupWorkdays")]
    [InlineData("""{ "years": { "2025": { "holidays": [], "makeupWorkdays": [] }, "2025": { "holidays": [], "makeupWorkdays": [] } } }""", "2025")]
    [InlineData("""{ "source": "x" }""", "years")]
    [InlineData("""{ "years": { "2025": """, "holidays-cn.json shape")]
    [InlineData("null", "no \"years\"")]
    public void Parse_Throws_WhenTheShapeIsWrong(string json, string expectedMessagePart)
    {
        var ex = Assert.Throws<HolidayDataException>(() => HolidayCalendarData.Parse(json));

        Assert.Contains(expectedMessagePart, ex.Message);
    }

    [Fact]
    public void Parse_ReportsEveryProblem_NotOnlyTheFirst()
    {
        var ex = Assert.Throws<HolidayDataException>(() => HolidayCalendarData.Parse(Json("""
            "2025": { "holidays": ["2026-01-01"], "makeupWorkdays": [] },
            "2026": { "holidays": ["2026-01-04"], "makeupWorkdays": ["2026-01-04"] }
            """)));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Contains("2026-01-01"));
        Assert.Contains(ex.Errors, e => e.Contains("2026-01-04"));
    }

    [Fact]
    public void HolidayYear_Throws_WhenBuiltFromContradictoryDates()
    {
        var ex = Assert.Throws<HolidayDataException>(() => new HolidayYear(2026, [D("2026-10-10")], [D("2026-10-10")]));

        Assert.Contains("2026-10-10", ex.Message);
    }

    [Fact]
    public void ToJson_RoundTripsThroughParse_InTheSameFormat()
    {
        var original = HolidayCalendarData.LoadBuiltIn();

        string json = original.ToJson();
        var reloaded = HolidayCalendarData.Parse(json);

        Assert.Contains("\"makeupWorkdays\"", json);
        Assert.Contains("\"2025-10-11\"", json);
        Assert.Equal(original.Source, reloaded.Source);
        Assert.Equal(original.Years.Keys, reloaded.Years.Keys);
        foreach (var year in original.Years.Keys)
        {
            Assert.True(original.Years[year].Holidays.SetEquals(reloaded.Years[year].Holidays));
            Assert.True(original.Years[year].MakeUpWorkingDays.SetEquals(reloaded.Years[year].MakeUpWorkingDays));
        }
    }

    [Fact]
    public void WithYear_AndWithoutYear_LeaveTheOriginalUnchanged()
    {
        var original = HolidayCalendarData.LoadBuiltIn();

        var added = original.WithYear(new HolidayYear(2027, [], []));
        var removed = original.WithoutYear(2025);

        Assert.Equal([2025, 2026, 2027], added.Years.Keys);
        Assert.Equal([2026], removed.Years.Keys);
        Assert.Equal([2025, 2026], original.Years.Keys);
    }

    [Fact]
    public void Constructor_Throws_WhenAYearIsGivenTwice()
    {
        var ex = Assert.Throws<HolidayDataException>(() => new HolidayCalendarData([new HolidayYear(2026, [], []), new HolidayYear(2026, [], [])]));

        Assert.Contains("2026", ex.Message);
    }
}
