using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Calendar;

/// <summary>On the simulated clock in January 2027 the current year has no holiday notice: health says so, and stays 200.</summary>
public sealed class CalendarHealthTests(January2027HostFactory host) : IClassFixture<January2027HostFactory>
{
    [Fact]
    public async Task Health_IsDegradedNamingTheYear_WhenTheCurrentYearHasNoData()
    {
        using var anonymous = host.CreateClient();

        var response = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var calendar = body.GetProperty("entries").GetProperty("calendar");
        Assert.Equal("Degraded", calendar.GetProperty("status").GetString());
        Assert.Contains("2027", calendar.GetProperty("description").GetString());
        Assert.Equal([2027], calendar.GetProperty("data").GetProperty("missingYears").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal("Healthy", body.GetProperty("entries").GetProperty("engine-database").GetProperty("status").GetString());
    }
}
