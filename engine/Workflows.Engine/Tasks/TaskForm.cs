using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Xml.Linq;
using Workflows.Engine.Bpmn;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Tasks;

public enum FormFieldType
{
    Text,
    Textarea,
    Number,
    Date,
    Boolean,
    Select,
    MultiSelect,

    /// <summary>A web address where something was published: absolute, http or https only (never <c>javascript:</c>).</summary>
    Url,
}

public sealed record FormOption(string Value, string Label);

/// <summary>One field of a step's form; its value is submitted as the variable <see cref="Name"/>.</summary>
/// <param name="NotAfterToday">A date field with <c>max="today"</c>: what has been done (held, published) cannot be dated in the future.</param>
public sealed record FormField(string Name, string Label, FormFieldType Type, bool Required, IReadOnlyList<FormOption> Options, int? MaxLength, string? Help, bool NotAfterToday = false);

/// <summary>
/// The fields a user task asks for, modelled in the BPMN so admins can change them in the designer:
/// <code>
/// &lt;fz:form&gt;
///   &lt;fz:field name="opinion" label="审查意见" type="select" required="true"
///             options="lawful:合法,lawful-after-changes:修改后合法,unlawful:不合法" /&gt;
///   &lt;fz:field name="reasons" label="理由" type="textarea" maxLength="5000" /&gt;
/// &lt;/fz:form&gt;
/// </code>
/// The engine checks submitted values against it when the task is completed.
/// </summary>
public static class TaskForm
{
    public static IReadOnlyList<FormField> Read(UserTask task, List<string>? errors = null)
    {
        var fields = new List<FormField>();
        foreach (var form in task.ExtensionElements.Where(e => e.Name == XName.Get("form", BpmnNamespaces.Fazhi)))
        {
            foreach (var element in form.Elements(XName.Get("field", BpmnNamespaces.Fazhi)))
            {
                var name = ((string?)element.Attribute("name"))?.Trim();
                if (string.IsNullOrEmpty(name) || fields.Any(f => f.Name == name))
                {
                    errors?.Add(string.IsNullOrEmpty(name) ? EngineText.Format("Form.NoName") : EngineText.Format("Form.Twice", name));
                    continue;
                }
                var typeText = ((string?)element.Attribute("type"))?.Replace("-", "", StringComparison.Ordinal) ?? "text";
                if (!Enum.TryParse<FormFieldType>(typeText, ignoreCase: true, out var type))
                {
                    errors?.Add(EngineText.Format("Form.UnknownType", name, typeText));
                    continue;
                }
                var options = ParseOptions((string?)element.Attribute("options"));
                var max = ((string?)element.Attribute("max"))?.Trim();
                if (max is not null && (type != FormFieldType.Date || max != "today"))
                {
                    errors?.Add(EngineText.Format("Form.Max", name, max));
                }
                if (type is FormFieldType.Select or FormFieldType.MultiSelect && options.Count == 0)
                {
                    errors?.Add(EngineText.Format("Form.NoOptions", name, type));
                }
                fields.Add(new FormField(
                    name,
                    (string?)element.Attribute("label") ?? name,
                    type,
                    string.Equals((string?)element.Attribute("required"), "true", StringComparison.OrdinalIgnoreCase),
                    options,
                    int.TryParse((string?)element.Attribute("maxLength"), NumberStyles.None, CultureInfo.InvariantCulture, out var maxLength) ? maxLength : null,
                    (string?)element.Attribute("help"),
                    type == FormFieldType.Date && max == "today"));
            }
        }
        return fields;
    }

    /// <summary>Checks a completion's variables; each error targets <c>variables.&lt;name&gt;</c>.</summary>
    /// <param name="today">The day in the engine's time zone, for <c>max="today"</c>; null skips that check.</param>
    public static IReadOnlyList<ValidationError> Check(IReadOnlyList<FormField> fields, JsonObject? submitted, DateOnly? today = null)
    {
        var errors = new List<ValidationError>();
        foreach (var field in fields)
        {
            var value = submitted?[field.Name];
            var target = "variables." + field.Name;
            if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
            {
                if (field.Required)
                {
                    errors.Add(new ValidationError(target, $"请填写「{field.Label}」。"));
                }
                continue;
            }
            if (Problem(field, value) is { } problem)
            {
                errors.Add(new ValidationError(target, $"「{field.Label}」{problem}"));
            }
            else if (field.NotAfterToday && today is { } day && DateOnly.ParseExact((string)value!, "yyyy-MM-dd", CultureInfo.InvariantCulture) > day)
            {
                errors.Add(new ValidationError(target, $"「{field.Label}」不能晚于今天（{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）。"));
            }
        }
        return errors;
    }

    private static string? Problem(FormField field, JsonNode value)
    {
        var kind = value.GetValueKind();
        switch (field.Type)
        {
            case FormFieldType.Number:
                return kind == JsonValueKind.Number ? null : "须为数字。";
            case FormFieldType.Boolean:
                return kind is JsonValueKind.True or JsonValueKind.False ? null : "须为是或否。";
            case FormFieldType.Date:
                return kind == JsonValueKind.String && DateOnly.TryParseExact((string)value!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : "须为日期（YYYY-MM-DD）。";
            case FormFieldType.Select:
                return kind == JsonValueKind.String && field.Options.Any(o => o.Value == (string)value!) ? null : "不是可选的值。";
            case FormFieldType.MultiSelect:
                return value is JsonArray items && items.All(i => i?.GetValueKind() == JsonValueKind.String && field.Options.Any(o => o.Value == (string)i!))
                    ? null : "含有不可选的值。";
            case FormFieldType.Url:
                return kind == JsonValueKind.String && IsWebAddress(((string)value!).Trim()) && ((string)value!).Length <= (field.MaxLength ?? MaxUrlLength)
                    ? null : "须为 http:// 或 https:// 开头的完整网址。";
            default:
                if (kind != JsonValueKind.String)
                {
                    return "须为文字。";
                }
                return field.MaxLength is { } max && ((string)value!).Length > max ? $"不能超过{max}字。" : null;
        }
    }

    private const int MaxUrlLength = 2000;

    private static bool IsWebAddress(string text) => WebAddress.TryParse(text, out _);

    private static List<FormOption> ParseOptions(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o =>
            {
                var colon = o.IndexOf(':');
                return colon < 0 ? new FormOption(o, o) : new FormOption(o[..colon].Trim(), o[(colon + 1)..].Trim());
            })];
}
