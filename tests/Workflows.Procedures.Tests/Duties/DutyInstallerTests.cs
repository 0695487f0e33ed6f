using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Definitions;
using Workflows.Engine.Runtime;
using Workflows.Procedures.Duties;
using static Workflows.Procedures.Tests.Support.ProceduresHost;

namespace Workflows.Procedures.Tests.Duties;

public sealed class DutyInstallerTests
{
    private static readonly string[] Shipped =
    [
        "duty-department-annual-report", "duty-executive-meeting-report", "duty-government-annual-report",
        "duty-leadership-training", "duty-normative-catalogue", "duty-rule-of-law-lectures",
    ];

    [Fact]
    public async Task Start_PublishesEveryShippedDuty_WithThisCountysLegalOffice()
    {
        await using var host = await StartAsync(Local(2026, 5, 6, 10));

        var definitions = await host.QueryAsync(db => db.Definitions.AsNoTracking().OrderBy(d => d.Key).ToListAsync());

        Assert.Equal(Shipped, definitions.Select(d => d.Key));
        Assert.All(definitions, d => Assert.Equal((1, DefinitionStatus.Published, "system"), (d.Version, d.Status, d.CreatedBy)));
        Assert.Equal("规范性文件目录公布", definitions.Single(d => d.Key == "duty-normative-catalogue").Name);
        Assert.All(definitions, d =>
        {
            Assert.DoesNotContain($"to=\"{DutyBpmn.LegalOfficePlaceholder}\"", d.Xml, StringComparison.Ordinal);
            Assert.Contains("""<fz:notify after="5WD" to="legal-office:supervisor" />""", d.Xml, StringComparison.Ordinal);
            Assert.StartsWith("""<?xml version="1.0" encoding="UTF-8"?>""", d.Xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task InstallingAgain_CreatesNoVersion_AndKeepsAnAdminsAdaptation()
    {
        await using var host = await StartAsync(Local(2026, 5, 6, 10));
        var installer = host.Services.GetRequiredService<DutyDefinitionInstaller>();
        var adapted = (await host.QueryAsync(db => db.Definitions.AsNoTracking().SingleAsync(d => d.Key == "duty-leadership-training"))).Xml
            .Replace("举办领导干部法治专题培训班", "举办领导干部学法培训班", StringComparison.Ordinal);
        await host.Runtime.SaveDefinitionAsync(adapted, publish: true, new WorkflowActor("admin", new HashSet<string> { "admin" }));

        var results = await installer.InstallAsync(CancellationToken.None);

        Assert.Equal(DutyInstallOutcome.KeptAdaptation, results.Single(r => r.DefinitionKey == "duty-leadership-training").Outcome);
        Assert.All(results.Where(r => r.DefinitionKey != "duty-leadership-training"), r => Assert.Equal((DutyInstallOutcome.Unchanged, 1), (r.Outcome, r.Version)));
        var versions = await host.QueryAsync(db => db.Definitions.AsNoTracking().Where(d => d.Key == "duty-leadership-training").OrderBy(d => d.Version).Select(d => d.CreatedBy).ToListAsync());
        Assert.Equal(["system", "admin"], versions);
    }

    [Fact]
    public async Task LadderSetting_IsWrittenIntoTheShippedProcess_AsANewVersion()
    {
        var settings = CountyUnits();
        settings["Workflows:Duties:Catalogue:normative-catalogue:Ladder:0:Action"] = "remind";
        settings["Workflows:Duties:Catalogue:normative-catalogue:Ladder:0:Before"] = "10WD";
        settings["Workflows:Duties:Catalogue:normative-catalogue:Ladder:1:Action"] = "notify";
        settings["Workflows:Duties:Catalogue:normative-catalogue:Ladder:1:After"] = "1WD";
        settings["Workflows:Duties:Catalogue:normative-catalogue:Ladder:1:To"] = "{legalOffice},{unit}:leader";
        await using var host = await StartAsync(Local(2026, 5, 6, 10), settings);

        var xml = (await host.QueryAsync(db => db.Definitions.AsNoTracking().SingleAsync(d => d.Key == "duty-normative-catalogue"))).Xml;

        Assert.Contains("""<fz:ladder><fz:remind before="10WD" /><fz:notify after="1WD" to="legal-office:supervisor,{unit}:leader" /></fz:ladder>""", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("before=\"5WD\"", xml, StringComparison.Ordinal);
        // The other duties keep the file's ladder.
        var other = (await host.QueryAsync(db => db.Definitions.AsNoTracking().SingleAsync(d => d.Key == "duty-leadership-training"))).Xml;
        Assert.Contains("""<fz:remind before="5WD" />""", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedProcess_IsNotPublished_WhenNoDutyStartsIt()
    {
        var settings = CountyUnits();
        // What the annual-report module does: the government's duty starts a procedure of its own.
        settings["Workflows:Duties:Catalogue:government-annual-report:Definition"] = "annual-report";
        // A duty switched off still keeps its process, so switching it back on finds it published.
        settings["Workflows:Duties:Catalogue:leadership-training:Enabled"] = "false";
        await using var host = await StartAsync(Local(2026, 5, 6, 10), settings);

        var keys = await host.QueryAsync(db => db.Definitions.AsNoTracking().OrderBy(d => d.Key).Select(d => d.Key).ToListAsync());

        Assert.Equal(Shipped.Where(k => k != "duty-government-annual-report"), keys);
    }

    [Fact]
    public async Task WithoutALegalOffice_TheRungsForItAreLeftOut_Loudly()
    {
        var settings = CountyUnits();
        settings["Workflows:Units:1:Code"] = "justice-bureau";
        settings["Workflows:Units:1:Kind"] = "department";
        await using var host = await StartAsync(Local(2026, 5, 6, 10), settings);

        var xml = (await host.QueryAsync(db => db.Definitions.AsNoTracking().SingleAsync(d => d.Key == "duty-normative-catalogue"))).Xml;

        Assert.DoesNotContain("fz:notify", xml, StringComparison.Ordinal);
        Assert.Contains("""<fz:escalate after="1WD" to="{unit}:supervisor" />""", xml, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Warnings, w => w.Message.Contains("no legal affairs office is known", StringComparison.Ordinal));
    }

    /// <summary>
    /// The shipped files gained their forms (fz:form) after installations had started duties on the
    /// files without them: the upgrade publishes a new version, and a duty already running stays on
    /// its own and still closes as it did; a duty started afterwards asks for the record.
    /// </summary>
    [Fact]
    public async Task DutyRunningOnTheVersionWithoutAForm_StillClosesWithoutOne_AfterTheFormsAreInstalled()
    {
        await using var host = await StartAsync(Local(2026, 5, 6, 10));
        var shipped = (await host.QueryAsync(db => db.Definitions.AsNoTracking().SingleAsync(d => d.Key == "duty-leadership-training"))).Xml;
        Assert.Contains("<fz:form>", shipped, StringComparison.Ordinal);
        var withoutForm = Regex.Replace(shipped, @"\s*<fz:form>.*?</fz:form>", "", RegexOptions.Singleline);
        var older = await host.Runtime.SaveDefinitionAsync(withoutForm, publish: true, WorkflowActor.System);
        Assert.Equal(2, older.Definition.Version);
        var running = await host.Runtime.StartAsync(new StartInstance("duty-leadership-training", "duty:leadership-training:2026:county-gov", Training()), WorkflowActor.System);

        var results = await host.Services.GetRequiredService<DutyDefinitionInstaller>().InstallAsync(CancellationToken.None);

        Assert.Equal((DutyInstallOutcome.Published, 3), results.Where(r => r.DefinitionKey == "duty-leadership-training").Select(r => (r.Outcome, r.Version)).Single());
        var govOwner = new WorkflowActor("gov-owner", new HashSet<string> { "owner" }, "county-gov");
        var oldTask = Assert.Single(await host.OpenTasksAsync(running.Id));
        await host.Runtime.CompleteTaskAsync(oldTask.Id, new TaskCompletion(Comment: "已于3月举办"), govOwner);
        Assert.Equal(Engine.Instances.InstanceStatus.Completed, (await host.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == running.Id))).Status);

        var current = await host.Runtime.StartAsync(new StartInstance("duty-leadership-training", "duty:leadership-training:2027:county-gov", Training()), WorkflowActor.System);
        var newTask = Assert.Single(await host.OpenTasksAsync(current.Id));
        var refused = await Assert.ThrowsAsync<WorkflowValidationException>(() => host.Runtime.CompleteTaskAsync(newTask.Id, new TaskCompletion(Comment: "已举办"), govOwner));
        Assert.Equal(["variables.startDate", "variables.attendance", "variables.topics"], refused.Errors.Select(e => e.Target));
        await host.Runtime.CompleteTaskAsync(newTask.Id, new TaskCompletion(Variables: new JsonObject
        {
            ["startDate"] = "2026-05-06",
            ["attendance"] = 48,
            ["topics"] = "习近平法治思想；行政复议法修订要点",
        }), govOwner);
        Assert.Equal(Engine.Instances.InstanceStatus.Completed, (await host.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == current.Id))).Status);
    }

    private static JsonObject Training() => new()
    {
        ["unit"] = "county-gov", ["unitName"] = "县人民政府", ["ownerGroup"] = "county-gov:owner", ["dueDate"] = "2026-12-31",
    };

    [Fact]
    public void ShippedFiles_AreNamedAfterTheirProcess_AndCarryTheLadder()
    {
        Assert.Equal(Shipped, DutyBpmn.ShippedResources.Keys.Order(StringComparer.Ordinal));
        foreach (var key in Shipped)
        {
            var xml = DutyBpmn.ReadShipped(key);
            Assert.Contains($"<bpmn:process id=\"{key}\"", xml, StringComparison.Ordinal);
            Assert.Contains("fz:candidateGroups=\"${ownerGroup}\"", xml, StringComparison.Ordinal);
            Assert.Contains("<fz:escalate after=\"1WD\" to=\"{unit}:supervisor\" />", xml, StringComparison.Ordinal);
            Assert.Contains("bpmndi:BPMNDiagram", xml, StringComparison.Ordinal);
        }
    }
}
