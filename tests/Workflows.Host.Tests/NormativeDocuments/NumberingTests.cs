using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.NormativeDocuments.NormativeFlow;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>The numbering sequence on SQLite (one writer at a time): per issuing body, per year of registration in Beijing time.</summary>
public sealed class NumberingTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    private readonly NormativeFlow _flow = new(host);

    [Fact]
    public async Task Register_NumbersEachIssuerWithoutGapsOrDuplicates_WhenRegistrationsRace()
    {
        await NumberingScenario.RunAsync(_flow);
    }

    [Fact]
    public async Task Register_StartsANewSequence_WhenTheYearTurnsInBeijing()
    {
        var (first, second) = (await _flow.DriveToRegistrationAsync(("town-chengguan", "城关镇规范性文件（跨年）一"), ("town-chengguan", "城关镇规范性文件（跨年）二"))) switch
        {
            [var a, var b] => (a, b),
            _ => throw new InvalidOperationException(),
        };
        var numbered = await (await _flow.RegisterAsync(first.Id)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("城关规〔2026〕1号", numbered.GetProperty("number").GetString());

        // 2027-01-01 00:30 in Beijing is still 2026 in UTC: the year is Beijing's.
        await _flow.AdvanceToAsync(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(8)));
        var next = await (await _flow.RegisterAsync(second.Id)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("城关规〔2027〕1号", next.GetProperty("number").GetString());
        Assert.Equal(2027, next.GetProperty("registeredOn").GetString() is { } on ? DateOnly.Parse(on).Year : 0);
    }
}
