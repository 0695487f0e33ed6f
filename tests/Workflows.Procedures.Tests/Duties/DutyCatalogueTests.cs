using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Workflows.Engine.Tasks;
using Workflows.Procedures.Duties;
using Workflows.Procedures.Units;

namespace Workflows.Procedures.Tests.Duties;

public sealed class DutyCatalogueTests
{
    private static IReadOnlyList<Duty> Bind(Dictionary<string, string?> settings)
    {
        var options = new DutiesOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(DutiesOptions.Section).Bind(options);
        return DutyCatalogue.Build(options);
    }

    [Fact]
    public void BuiltIns_MatchRulesSection3()
    {
        var duties = DutyCatalogue.Build(new DutiesOptions()).ToDictionary(d => d.Key);
        var year = new DutyPeriod(2027, DutyFrequency.Yearly, 1);

        Assert.Equal(
            ["normative-catalogue", "department-annual-report", "government-annual-report", "executive-meeting-report", "leadership-training", "rule-of-law-lectures"],
            duties.Keys);
        Assert.Equal(
            ["规范性文件目录公布", "部门法治政府建设年度报告", "政府法治政府建设年度报告", "常务会议听取依法行政工作汇报", "领导干部法治专题培训", "法治讲座"],
            duties.Values.Select(d => d.Name));
        Assert.All(duties.Values, d => Assert.Equal(DutyFrequency.Yearly, d.Frequency));
        Assert.Equal(new DateOnly(2027, 3, 31), duties["normative-catalogue"].Due.For(year));
        Assert.Equal(new DateOnly(2027, 3, 1), duties["department-annual-report"].Due.For(year));
        Assert.Equal(new DateOnly(2027, 3, 31), duties["government-annual-report"].Due.For(year));
        Assert.Equal(new DateOnly(2027, 4, 1), duties["department-annual-report"].Dates["publishDueDate"].For(year));
        Assert.Equal(new DateOnly(2027, 4, 1), duties["government-annual-report"].Dates["publishDueDate"].For(year));
        Assert.Equal(new DateOnly(2027, 12, 31), duties["executive-meeting-report"].Due.For(year));
        Assert.Equal([UnitKind.Government], duties["government-annual-report"].UnitKinds);
        Assert.Equal([UnitKind.Department, UnitKind.LegalOffice], duties["department-annual-report"].UnitKinds.Order());
        Assert.True(duties["normative-catalogue"].CoversPreviousYear);
        Assert.All(duties.Values, d => Assert.True(DutyBpmn.ShippedResources.ContainsKey(d.DefinitionKey), d.DefinitionKey));
    }

    [Fact]
    public void Configuration_OverridesOnlyWhatItNames()
    {
        var duties = Bind(new()
        {
            ["Workflows:Duties:Catalogue:executive-meeting-report:Frequency"] = "HalfYearly",
            ["Workflows:Duties:Catalogue:government-annual-report:Due"] = "03-01",
            ["Workflows:Duties:Catalogue:leadership-training:Enabled"] = "false",
            ["Workflows:Duties:Catalogue:rule-of-law-lectures:UnitKinds:0"] = "town",
        }).ToDictionary(d => d.Key);

        var meeting = duties["executive-meeting-report"];
        Assert.Equal((DutyFrequency.HalfYearly, "常务会议听取依法行政工作汇报"), (meeting.Frequency, meeting.Name));
        Assert.Equal(new DateOnly(2027, 6, 30), meeting.Due.For(new DutyPeriod(2027, DutyFrequency.HalfYearly, 1)));
        Assert.Equal(new DateOnly(2027, 3, 1), duties["government-annual-report"].Due.For(new DutyPeriod(2027, DutyFrequency.Yearly, 1)));
        Assert.False(duties.ContainsKey("leadership-training"));
        Assert.Equal([UnitKind.Town], duties["rule-of-law-lectures"].UnitKinds);
    }

    [Fact]
    public void Configuration_AddsADuty_WithItsLadder()
    {
        var duties = Bind(new()
        {
            ["Workflows:Duties:Catalogue:news-items:Name"] = "依法行政工作信息报送",
            ["Workflows:Duties:Catalogue:news-items:Definition"] = "duty-news-items",
            ["Workflows:Duties:Catalogue:news-items:Frequency"] = "HalfYearly",
            ["Workflows:Duties:Catalogue:news-items:Due"] = "06-30,12-31",
            ["Workflows:Duties:Catalogue:news-items:Units:0"] = "county-drc",
        });

        var added = Assert.Single(duties, d => d.Key == "news-items");
        Assert.Equal(("duty-news-items", "duty:news-items"), (added.DefinitionKey, added.JobKey));
        Assert.True(added.IsResponsible(new OrgUnit("county-drc", "县发展和改革局", UnitKind.Department)));
        Assert.False(added.IsResponsible(new OrgUnit("county-edu", "县教育局", UnitKind.Department)));
        Assert.Equal("duty:news-items:2027-H2:county-drc", added.BusinessKey(new DutyPeriod(2027, DutyFrequency.HalfYearly, 2), "county-drc"));
    }

    [Fact]
    public void Configuration_Ladder_ReplacesTheShippedOne()
    {
        var duty = Bind(new()
        {
            ["Workflows:Duties:Catalogue:normative-catalogue:Ladder:0:Action"] = "remind",
            ["Workflows:Duties:Catalogue:normative-catalogue:Ladder:0:Before"] = "10WD",
            ["Workflows:Duties:Catalogue:normative-catalogue:Ladder:1:Action"] = "escalate",
            ["Workflows:Duties:Catalogue:normative-catalogue:Ladder:1:After"] = "2WD",
            ["Workflows:Duties:Catalogue:normative-catalogue:Ladder:1:To"] = "{unit}:leader",
        }).Single(d => d.Key == "normative-catalogue");

        Assert.Equal([new LadderRung(LadderAction.Remind, 10, true, null), new LadderRung(LadderAction.Escalate, 2, false, "{unit}:leader")], duty.Ladder);
    }

    [Fact]
    public void Misconfiguration_StopsTheStart_NamingEveryProblem()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Workflows:Duties:Catalogue:executive-meeting-report:Frequency"] = "HalfYearly",
            ["Workflows:Duties:Catalogue:executive-meeting-report:Due"] = "12-31",
            ["Workflows:Duties:Catalogue:orphan:Name"] = "无人承担的职责",
            ["Workflows:Duties:Catalogue:normative-catalogue:UnitKinds:0"] = "bureau",
            ["Workflows:Duties:Catalogue:leadership-training:Ladder:0:Action"] = "escalate",
            ["Workflows:Duties:Catalogue:leadership-training:Ladder:0:After"] = "1WD",
        }));

        Assert.Contains(error.Failures, f => f.StartsWith("Workflows:Duties:Catalogue:executive-meeting-report: Due:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("orphan: Definition is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("orphan: no responsible units", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("UnitKinds has 'bureau'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("leadership-training: Ladder:0: escalate needs To", StringComparison.Ordinal));
    }

    [Fact]
    public void Ladder_OnAProcessThatIsNotShipped_IsRefused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Workflows:Duties:Catalogue:news-items:Name"] = "依法行政工作信息报送",
            ["Workflows:Duties:Catalogue:news-items:Definition"] = "duty-news-items",
            ["Workflows:Duties:Catalogue:news-items:UnitKinds:0"] = "department",
            ["Workflows:Duties:Catalogue:news-items:Ladder:0:Action"] = "remind",
            ["Workflows:Duties:Catalogue:news-items:Ladder:0:Before"] = "3WD",
        }));

        Assert.Contains("not one", Assert.Single(error.Failures), StringComparison.Ordinal);
    }
}
