using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Activities;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Scripting;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>The notify and email activities on hand-built elements: no BPMN parser involved.</summary>
public sealed class NotifyActivityTests
{
    private static readonly IScriptEvaluator Scripts = new JintScriptEvaluator();

    private static ServiceTask Task(string type, params (string Name, string Value)[] attributes) => new()
    {
        Id = "notify_reviewers",
        Name = "通知审查人员",
        ElementType = "sendTask",
        ActivityType = type,
        ExtensionAttributes = attributes.ToDictionary(a => "fz:" + a.Name, a => a.Value),
    };

    [Fact]
    public void Validate_MissingRecipientsAndTitle_ExplainsWhatToSet()
    {
        var problems = new NotifyActivity(Scripts).Validate(Task("notify")).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("The notify activity needs fz:recipients", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("The notify activity needs fz:title", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmailWithoutSubject_NamesFzSubject()
    {
        var problem = Assert.Single(new EmailActivity(Scripts).Validate(Task("email", ("recipients", "owner"))));

        Assert.StartsWith("The email activity needs fz:subject (or fz:title)", problem);
    }

    [Theory]
    [InlineData("recipients", "legal-office:", "fz:recipients:")]
    [InlineData("recipients", "${reviewers +}", "fz:recipients: the expression")]
    [InlineData("title", "审查 ${title", "fz:title:")]
    [InlineData("body", "金额 ${amount *}", "fz:body: the expression")]
    [InlineData("kind", "urgent", "fz:kind 'urgent'")]
    [InlineData("channels", "inapp,fax", "fz:channels 'inapp,fax'")]
    public void Validate_BadAttribute_NamesIt(string attribute, string value, string expected)
    {
        var attributes = new Dictionary<string, string> { ["recipients"] = "reviewer", ["title"] = "审查" };
        attributes[attribute] = value;

        var problems = new NotifyActivity(Scripts).Validate(Task("notify", [.. attributes.Select(a => (a.Key, a.Value))])).ToList();

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GoodAttributes_FindsNothing()
    {
        var task = Task("notify", ("recipients", "${assignee}, legal-office:supervisor, 审查组:*"), ("title", "请审查：${title}"),
            ("channels", "inapp"), ("kind", "escalation"), ("body", "金额 ${amount * 2} 元"));

        Assert.Empty(new NotifyActivity(Scripts).Validate(task));
        Assert.Empty(new EmailActivity(Scripts).Validate(Task("email", ("recipients", "owner"), ("subject", "邮件"))));
    }

    [Fact]
    public async Task Execute_FillsPlaceholders_EnqueuesOneMessage_AndRecordsIt()
    {
        var context = new RecordingContext(
            Task("notify", ("recipients", "${reviewers}, legal-office:supervisor, ${assignee}"), ("title", "请审查：${title}"),
                ("body", "申请人${applicant.name}，金额${amount * 2}元，缺失：${missing}。"), ("kind", "assignment")),
            new JsonObject
            {
                ["reviewers"] = new JsonArray("reviewer", "legal"),
                ["assignee"] = "reviewer",
                ["title"] = "关于调整城市供水价格的决定",
                ["applicant"] = new JsonObject { ["name"] = "市水务局" },
                ["amount"] = 21,
            });

        await new NotifyActivity(Scripts).ExecuteAsync(context, CancellationToken.None);

        var (type, payload) = Assert.Single(context.Enqueued);
        Assert.Equal(NotificationOutbox.MessageType, type);
        var request = NotificationRequest.FromPayload(payload);
        Assert.Equal(["reviewer", "legal", "legal-office:supervisor"], request.Recipients);
        Assert.Equal(NotificationChannels.All, request.Channels);
        Assert.Equal(NotificationKind.Assignment, request.Kind);
        Assert.Equal("请审查：关于调整城市供水价格的决定", request.Title);
        Assert.Equal("申请人市水务局，金额42元，缺失：。", request.Body);
        Assert.Equal(context.InstanceId, request.InstanceId);
        Assert.Equal($"/instances/{context.InstanceId}", request.Link);
        var (kind, data) = Assert.Single(context.Recorded);
        Assert.Equal(NotificationActivity.JournalKind, kind);
        Assert.Equal("请审查：关于调整城市供水价格的决定", (string?)data!["title"]);
        Assert.Equal(3, data["recipients"]!.AsArray().Count);
    }

    [Fact]
    public async Task Execute_EmailActivity_UsesEmailOnlyAndSubject()
    {
        var context = new RecordingContext(Task("email", ("recipients", "owner"), ("subject", "材料补正通知"), ("channels", "inapp")), []);

        await new EmailActivity(Scripts).ExecuteAsync(context, CancellationToken.None);

        var request = NotificationRequest.FromPayload(Assert.Single(context.Enqueued).Payload);
        Assert.Equal((NotificationChannels.Email, "材料补正通知"), (request.Channels, request.Title));
    }

    [Fact]
    public async Task Execute_RecipientsEvaluateToNobody_Throws()
    {
        var context = new RecordingContext(Task("notify", ("recipients", "${reviewers}"), ("title", "x")), new JsonObject { ["reviewers"] = new JsonArray() });

        await Assert.ThrowsAsync<InvalidOperationException>(() => new NotifyActivity(Scripts).ExecuteAsync(context, CancellationToken.None).AsTask());
        Assert.Empty(context.Enqueued);
    }

    [Fact]
    public async Task DefinitionValidator_NotifyWithoutRecipients_IsAnErrorOnTheElement()
    {
        await using var host = await NotificationHost.StartAsync(smtpPort: null);
        var process = new ProcessModel { Id = "p", IsExecutable = true };
        var task = Task("notify", ("title", "通知"));
        process.Children.Add(task);
        process.NodesById[task.Id] = task;

        var issues = host.Services.GetRequiredService<DefinitionValidator>().Validate(process);

        var issue = Assert.Single(issues);
        Assert.Equal(("notify_reviewers", IssueSeverity.Error), (issue.ElementId, issue.Severity));
        Assert.Contains("fz:recipients", issue.Message);
    }

    private sealed class RecordingContext(ServiceTask element, JsonObject variables) : ActivityContext
    {
        public List<(string Type, JsonObject Payload)> Enqueued { get; } = [];
        public List<(string Kind, JsonObject? Data)> Recorded { get; } = [];

        public override Guid InstanceId { get; } = Guid.CreateVersion7();
        public override string DefinitionKey => "major-decision";
        public override string? BusinessKey => "2026-决策-007";
        public override ServiceTask Element => element;
        public override DateTimeOffset Now => Runtime.EngineHarness.Monday;
        public override JsonObject Variables => variables;
        public override IServiceProvider Services => throw new NotSupportedException();

        public override void SetVariable(string name, JsonNode? value) => variables[name] = value;

        public override Guid Enqueue(string type, JsonObject payload)
        {
            Enqueued.Add((type, payload));
            return Guid.CreateVersion7();
        }

        public override void Record(string kind, JsonObject? data = null) => Recorded.Add((kind, data));
    }
}
