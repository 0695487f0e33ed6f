using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Documents;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;

namespace Workflows.Procedures.Hearings;

/// <summary>
/// <c>fz:guard="hearing-record"</c>, on the step that closes a hearing (听证, Decree 713 art. 16-17):
/// the hearing's date (<c>hearingDate</c>) and the day its notice was published (<c>noticePublishedOn</c>)
/// must be given, the notice at least <see cref="NoticeDays"/> calendar days before the hearing; the
/// participant list (<c>hearingParticipants</c>) must name someone; and the hearing record signed by
/// the participants must be attached to the case as a document of kind <c>hearing-record</c>, uploaded
/// no earlier than the hearing day (a record cannot precede what it records), which must have come. When the
/// step names the signed record it rests on (<c>hearingRecordDocumentId</c>, as the task page does), that must
/// be one of the case's hearing records.
/// </summary>
/// <remarks>The document store comes from the completion's services: taking it in the constructor would be circular (it journals through the runtime that holds the guards).</remarks>
public sealed class HearingRecordGuard(TaskDeadlines deadlines, TimeProvider clock) : IUserTaskGuard
{
    public const string GuardKey = "hearing-record";
    public const string RecordDocumentKind = "hearing-record";

    /// <summary>Notice and materials at least 7 days before the hearing (calendar days; the notice day is not counted).</summary>
    public const int NoticeDays = 7;

    public string Key => GuardKey;

    public async Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var hearing = ReadDate(context.Variables, "hearingDate", "听证会日期", errors);
        var notice = ReadDate(context.Variables, "noticePublishedOn", "听证公告发布日期", errors);
        var today = deadlines.Clock.DateOf(clock.GetUtcNow());
        if (hearing is { } heldOn && heldOn > today)
        {
            errors.Add(new("variables.hearingDate", $"听证会定于 {heldOn:yyyy-MM-dd} 举行，举行之前不能办结听证环节。"));
        }
        if (hearing is { } hearingDay && notice is { } noticeDay)
        {
            var days = hearingDay.DayNumber - noticeDay.DayNumber;
            if (days < NoticeDays)
            {
                errors.Add(new("variables.noticePublishedOn",
                    $"听证公告须至少在听证会 {NoticeDays} 日前发布：公告 {noticeDay:yyyy-MM-dd}，听证 {hearingDay:yyyy-MM-dd}，仅提前 {days} 日。"));
            }
        }
        if (!HasParticipants(context.Variables["hearingParticipants"]))
        {
            errors.Add(new("variables.hearingParticipants", "请填写听证参加人名单（hearingParticipants），至少一人。"));
        }
        var documents = context.Services.GetRequiredService<DocumentStore>();
        var records = (await documents.ListAsync(context.InstanceId, null, cancellationToken)).Where(d => d.Kind == RecordDocumentKind).ToList();
        if (records.Count == 0)
        {
            errors.Add(new("documents.hearing-record", $"请上传经听证参加人签字的听证笔录（文件类别 {RecordDocumentKind}）。"));
        }
        else if (hearing is { } recordedDay && !records.Any(d => deadlines.Clock.DateOf(d.UploadedAt) >= recordedDay))
        {
            errors.Add(new("documents.hearing-record", $"已上传的听证笔录早于听证会日期 {recordedDay:yyyy-MM-dd}，请上传听证会形成的签字笔录。"));
        }
        if (context.Variables["hearingRecordDocumentId"] is { } chosen)
        {
            // A record that names its signed document must name one of this case's hearing records.
            var id = chosen is JsonValue v && v.GetValueKind() == JsonValueKind.String && Guid.TryParse(v.GetValue<string>(), out var parsed) ? parsed : (Guid?)null;
            if (records.FirstOrDefault(d => d.Id == id) is not { } named)
            {
                errors.Add(new("variables.hearingRecordDocumentId", $"所选文件不是本案件的听证笔录（文件类别 {RecordDocumentKind}），请选择已上传的签字笔录。"));
            }
            else if (hearing is { } hearingOn && deadlines.Clock.DateOf(named.UploadedAt) < hearingOn)
            {
                errors.Add(new("variables.hearingRecordDocumentId", $"所选听证笔录上传于听证会日期 {hearingOn:yyyy-MM-dd} 之前，请选择听证会形成的签字笔录。"));
            }
        }
        return errors;
    }

    private DateOnly? ReadDate(JsonObject variables, string name, string label, List<ValidationError> errors)
    {
        var target = "variables." + name;
        if (variables[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
        {
            errors.Add(new(target, $"请填写{label}（{name}，格式 YYYY-MM-DD）。"));
            return null;
        }
        var text = value.GetValue<string>().Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return deadlines.Clock.DateOf(instant);
        }
        errors.Add(new(target, $"{label}「{text}」不是日期（格式 YYYY-MM-DD）。"));
        return null;
    }

    private static bool HasParticipants(JsonNode? node) => node switch
    {
        JsonArray list => list.Any(p => p switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => !string.IsNullOrWhiteSpace(v.GetValue<string>()),
            JsonObject o => o.Count > 0,
            _ => false,
        }),
        JsonValue v when v.GetValueKind() == JsonValueKind.String =>
            v.GetValue<string>().Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length > 0,
        _ => false,
    };
}
