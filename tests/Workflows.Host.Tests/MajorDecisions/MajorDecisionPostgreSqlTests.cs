using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using static Workflows.Host.Tests.MajorDecisions.DecisionDriver;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>The procedure and its register on a real PostgreSQL server (WORKFLOWS_TEST_POSTGRES).</summary>
public sealed class MajorDecisionPostgreSqlTests(MajorDecisionPostgreSqlFactory host) : IClassFixture<MajorDecisionPostgreSqlFactory>
{
    private readonly DecisionDriver _d = new(host);

    [Fact]
    public async Task RejectedDecision_IsArchivedWithItsRecords_WhenRunOnPostgreSql()
    {
        var id = await _d.ProposeAsync("关于撤并县城区两所小学的决策");
        var today = await _d.TodayAsync();
        await _d.RecordAsync(id, "start-decision", "leader", StartDecision(today, NoneApply()));
        await _d.RecordAsync(id, "draft", "owner", Draft(await _d.UploadAsync(id, "owner", "draft", "草案")));
        await _d.RecordAsync(id, "legality-submission", "owner", new JsonObject { ["legalBasis"] = new JsonArray("《义务教育法》") });
        var opinion = await _d.UploadAsync(id, "legal", "legality-opinion", "审查意见：合法。");
        await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("lawful", opinion, shortenReason: "材料齐全，审查机构提前办结。"));
        await _d.RecordAsync(id, "meeting-materials", "owner", []);
        var rejected = await _d.RecordAsync(id, "meeting-record", "leader", Meeting(today, "reject", support: "oppose"));
        Assert.Equal("Rejected", rejected.GetProperty("decision").GetProperty("status").GetString());

        var archived = await _d.RecordAsync(id, "archive", "owner", []);

        Assert.Equal("Archived", archived.GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal("reject", archived.GetProperty("decision").GetProperty("meetingOutcome").GetString());
        await using (var connection = new NpgsqlConnection(host.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT count(*) FROM md_records WHERE "DecisionId" = @id""", connection);
            command.Parameters.AddWithValue("id", id);
            Assert.Equal(archived.GetProperty("records").GetArrayLength(), (long)(await command.ExecuteScalarAsync())!);
        }
        using var owner = await _d.As("owner");
        var response = await owner.GetAsync($"/api/decisions/{id}/dossier");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var verification = zip.GetEntry("校验结果.json")!.Open();
        Assert.True(JsonDocument.Parse(verification).RootElement.GetProperty("valid").GetBoolean());
    }
}
