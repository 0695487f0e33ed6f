using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.MajorDecisions.Records;

/// <summary>
/// Reads a step's record (a JSON object) field by field, collecting one error per bad field with
/// its path (<c>riskAssessment.riskPoints[0].description</c>), so a refusal names every fault at once.
/// </summary>
public sealed class RecordCheck
{
    public const int LongText = 10_000;
    public const int ShortText = 500;

    private readonly JsonObject? _json;
    private readonly string _prefix;
    private readonly List<ValidationError> _errors;

    public RecordCheck(JsonObject? json, string prefix) : this(json, prefix, []) { }

    private RecordCheck(JsonObject? json, string prefix, List<ValidationError> errors)
    {
        _json = json;
        _prefix = prefix;
        _errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>A <c>yyyy-MM-dd</c> date in a record that has passed its checks; null otherwise.</summary>
    public static DateOnly? DateOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;

    public bool Valid => _errors.Count == 0;

    public JsonObject? Json => _json;

    public string PathOf(string field) => _prefix.Length == 0 ? field : $"{_prefix}.{field}";

    public void Fail(string field, string message) => _errors.Add(new ValidationError(PathOf(field), message));

    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Fail(field, message);
        }
    }

    public string? Text(string field, bool required = true, int max = LongText)
    {
        var node = _json?[field];
        if (node is null)
        {
            Require(!required, field, $"{PathOf(field)} 为必填项。");
            return null;
        }
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            Fail(field, $"{PathOf(field)} 须为文本。");
            return null;
        }
        text = text.Trim();
        if (text.Length == 0)
        {
            Require(!required, field, $"{PathOf(field)} 不能为空。");
            return null;
        }
        if (text.Length > max)
        {
            Fail(field, $"{PathOf(field)} 不能超过 {max} 个字符。");
            return null;
        }
        return text;
    }

    public string? OneOf(string field, IReadOnlyCollection<string> allowed, bool required = true)
    {
        var text = Text(field, required, 100);
        if (text is not null && !allowed.Contains(text))
        {
            Fail(field, $"{PathOf(field)} 须为以下之一：{string.Join(", ", allowed)}。");
            return null;
        }
        return text;
    }

    public bool? Flag(string field, bool required = true)
    {
        var node = _json?[field];
        if (node is null)
        {
            Require(!required, field, $"{PathOf(field)} 为必填项（true 或 false）。");
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<bool>(out var flag))
        {
            return flag;
        }
        Fail(field, $"{PathOf(field)} 须为 true 或 false。");
        return null;
    }

    public int? Number(string field, int min, int max, bool required = true)
    {
        var node = _json?[field];
        if (node is null)
        {
            Require(!required, field, $"{PathOf(field)} 为必填项。");
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<int>(out var number) && number >= min && number <= max)
        {
            return number;
        }
        Fail(field, $"{PathOf(field)} 须为 {min} 至 {max} 之间的整数。");
        return null;
    }

    public DateOnly? Date(string field, bool required = true)
    {
        var text = Text(field, required, 10);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Fail(field, $"{PathOf(field)} 须为日期 yyyy-MM-dd。");
        return null;
    }

    public Guid? Id(string field, bool required = true)
    {
        var text = Text(field, required, 64);
        if (text is null)
        {
            return null;
        }
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        Fail(field, $"{PathOf(field)} 须为文档编号（GUID）。");
        return null;
    }

    /// <summary>An ISO-8601 period such as <c>P3M</c> or <c>P1Y</c>, at least a day and at most ten years.</summary>
    public string? Period(string field, bool required = true)
    {
        var text = Text(field, required, 32);
        if (text is null)
        {
            return null;
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(text, @"^P(?=\d)(\d{1,3}Y)?(\d{1,3}M)?(\d{1,3}W)?(\d{1,4}D)?$"))
        {
            Fail(field, $"{PathOf(field)} 须为 ISO-8601 期间，如 P3M（三个月）、P1Y（一年）。");
            return null;
        }
        return text;
    }

    public IReadOnlyList<string> Texts(string field, int min, int maxItems = 100, int maxLength = ShortText * 4)
    {
        var node = _json?[field];
        if (node is null)
        {
            Require(min == 0, field, $"{PathOf(field)} 为必填项，至少 {min} 项。");
            return [];
        }
        if (node is not JsonArray array)
        {
            Fail(field, $"{PathOf(field)} 须为文本列表。");
            return [];
        }
        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
            if (item.Length > 0 && item.Length <= maxLength)
            {
                result.Add(item);
            }
            else
            {
                Fail($"{field}[{i}]", $"{PathOf(field)}[{i}] 须为不超过 {maxLength} 个字符的非空文本。");
            }
        }
        Require(array.Count >= min, field, $"{PathOf(field)} 至少 {min} 项。");
        Require(array.Count <= maxItems, field, $"{PathOf(field)} 至多 {maxItems} 项。");
        return result;
    }

    public RecordCheck? Object(string field, bool required = true)
    {
        var node = _json?[field];
        if (node is null)
        {
            Require(!required, field, $"{PathOf(field)} 为必填项。");
            return null;
        }
        if (node is not JsonObject obj)
        {
            Fail(field, $"{PathOf(field)} 须为对象。");
            return null;
        }
        return new RecordCheck(obj, PathOf(field), _errors);
    }

    public IReadOnlyList<RecordCheck> Objects(string field, int min, int maxItems = 200)
    {
        var node = _json?[field];
        if (node is null)
        {
            Require(min == 0, field, $"{PathOf(field)} 为必填项，至少 {min} 项。");
            return [];
        }
        if (node is not JsonArray array)
        {
            Fail(field, $"{PathOf(field)} 须为列表。");
            return [];
        }
        var result = new List<RecordCheck>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject obj)
            {
                result.Add(new RecordCheck(obj, $"{PathOf(field)}[{i}]", _errors));
            }
            else
            {
                Fail($"{field}[{i}]", $"{PathOf(field)}[{i}] 须为对象。");
            }
        }
        Require(array.Count >= min, field, $"{PathOf(field)} 至少 {min} 项。");
        Require(array.Count <= maxItems, field, $"{PathOf(field)} 至多 {maxItems} 项。");
        return result;
    }
}
