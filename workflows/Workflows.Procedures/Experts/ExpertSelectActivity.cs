using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Activities.Notifications;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Runtime;
using Workflows.Engine.Scripting;
using Workflows.Procedures.PublicConsultation;
using Workflows.Procedures.Units;

namespace Workflows.Procedures.Experts;

/// <summary>
/// <c>fz:type="expert-select"</c>: chooses experts from the pool (see <see cref="ExpertSelection"/>)
/// for <c>fz:fields</c> (a list or comma text, <c>${expertFields}</c>), <c>fz:count</c> of them
/// (default 3), excluding anyone with an interest in <c>fz:exclude</c> (<c>${interests}</c>: the
/// matter's units and keywords; a unit code such as <c>${leadUnit}</c> stands for the unit's name too,
/// since that is what experts declare and work for). Only experts with a linked account are chosen, because the
/// consultation is their task. Sets <c>experts</c> (their user names, for a multi-instance
/// <c>expert-consultation</c> task) and <c>expertIds</c>, invites each by email and inbox, and
/// journals the choice with the reason for every exclusion. Too few eligible experts stops the
/// procedure at this element with an explanation.
/// </summary>
public sealed class ExpertSelectActivity(IScriptEvaluator scripts, ExpertPool pool, IUnitDirectory units) : IActivityHandler
{
    public const string TypeKey = "expert-select";
    public const string JournalKind = "ExpertsSelected";
    public const int DefaultCount = 3;
    public const int MaxCount = 50;

    public string Type => TypeKey;

    public IEnumerable<string> Validate(ServiceTask task)
    {
        if (task.Extension("fields") is null)
        {
            yield return ProcedureText.Format("ExpertSelect.NeedsFields");
        }
        if (task.Extension("count") is { } count && !AttributeValues.HasPlaceholder(count)
            && !(int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= MaxCount))
        {
            yield return ProcedureText.Format("ExpertSelect.BadCount", count, MaxCount);
        }
        foreach (var problem in new[] { "fields", "count", "exclude" }
                     .SelectMany(a => AttributeValues.CheckSyntax(task.Extension(a), scripts, "fz:" + a)))
        {
            yield return problem;
        }
    }

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var element = context.Element;
        var scope = AttributeValues.Scope(context);
        var fields = AttributeValues.List(AttributeValues.Value(element.Extension("fields") ?? "", scope, scripts, element.Id, "fz:fields"));
        if (fields.Count == 0)
        {
            throw new WorkflowExecutionException(element.Id, "fz:fields 未给出任何专业领域：请在变量中填写论证所需的专业领域（如 expertFields）。");
        }
        var count = Count(element, scope);
        var interests = element.Extension("exclude") is { } exclude
            ? await WithUnitNamesAsync(AttributeValues.List(AttributeValues.Value(exclude, scope, scripts, element.Id, "fz:exclude")), cancellationToken)
            : [];

        var result = ExpertSelection.Select(await pool.ListAsync(active: true, cancellationToken: cancellationToken), fields, count, interests);
        var fieldText = string.Join("、", fields);
        if (result.Selected.Count < count)
        {
            var exclusions = result.Excluded.Count == 0 ? "" : "已排除：" + string.Join("；", result.Excluded.Select(x => $"{x.Expert.Name}（{x.Reason}）")) + "。";
            throw new WorkflowExecutionException(element.Id,
                $"需要 {count} 名「{fieldText}」领域的论证专家，专家库中该领域在册 {result.Candidates} 名，可选的只有 {result.Selected.Count} 名。{exclusions}" +
                "请补充专家库（或为专家关联系统账号），或调整 fz:fields / fz:count 后重试。");
        }

        context.SetVariable("experts", new JsonArray([.. result.Selected.Select(e => (JsonNode?)e.UserName)]));
        context.SetVariable("expertIds", new JsonArray([.. result.Selected.Select(e => (JsonNode?)e.Id.ToString())]));
        var matter = MatterName(context);
        foreach (var expert in result.Selected)
        {
            context.EnqueueNotification(new NotificationRequest
            {
                Recipients = ["user:" + expert.UserName],
                Kind = NotificationKind.Info,
                Title = $"专家论证邀请：{matter}",
                Body = $"{expert.Name}{(expert.Title is null ? "" : expert.Title)}：您好！现邀请您就「{matter}」提供{fieldText}方面的书面论证意见。" +
                       "请登录系统查看专家论证任务，上传您签名的书面论证意见后办结任务。如与本事项存在利害关系，请及时告知承办单位回避。",
                Link = $"/instances/{context.InstanceId}",
                InstanceId = context.InstanceId,
            });
        }
        context.Record(JournalKind, new JsonObject
        {
            ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode?)f)]),
            ["count"] = count,
            ["interests"] = new JsonArray([.. interests.Select(i => (JsonNode?)i)]),
            ["candidates"] = result.Candidates,
            ["selected"] = new JsonArray([.. result.Selected.Select(e => (JsonNode?)new JsonObject
            {
                ["expertId"] = e.Id.ToString(),
                ["name"] = e.Name,
                ["organisation"] = e.Organisation,
                ["userName"] = e.UserName,
                ["fields"] = new JsonArray([.. ExpertSelection.Matched(e, fields).Select(f => (JsonNode?)f)]),
            })]),
            ["excluded"] = new JsonArray([.. result.Excluded.Select(x => (JsonNode?)new JsonObject
            {
                ["expertId"] = x.Expert.Id.ToString(),
                ["name"] = x.Expert.Name,
                ["reason"] = x.Reason,
            })]),
        });
    }

    /// <summary>The interests, each unit code followed by its unit's name.</summary>
    private async Task<IReadOnlyList<string>> WithUnitNamesAsync(IReadOnlyList<string> interests, CancellationToken cancellationToken)
    {
        var result = new List<string>();
        foreach (var interest in interests)
        {
            result.Add(interest);
            if (await units.FindAsync(interest, cancellationToken) is { } unit && !result.Contains(unit.Name, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(unit.Name);
            }
        }
        return result;
    }

    private int Count(ServiceTask element, JsonObject scope)
    {
        if (element.Extension("count") is not { } text)
        {
            return DefaultCount;
        }
        var value = AttributeValues.Value(text, scope, scripts, element.Id, "fz:count");
        var parsed = value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) => n,
            JsonValue v when v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => (int?)null,
        };
        return parsed is > 0 and <= MaxCount
            ? parsed.Value
            : throw new WorkflowExecutionException(element.Id, $"fz:count 求值为「{value?.ToJsonString()}」：专家人数须为 1 至 {MaxCount} 的整数。");
    }

    private static string MatterName(ActivityContext context) =>
        (context.Variables["title"] as JsonValue)?.TryGetValue<string>(out var title) == true && !string.IsNullOrWhiteSpace(title)
            ? title.Trim()
            : context.BusinessKey ?? context.DefinitionKey;
}
