using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Engine.Tasks;

namespace Workflows.Host.Components.Tasks;

/// <summary>What a person has entered in a step's form, turned into the variables the engine checks (fz:form).</summary>
public sealed class FormValues
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public string? Text(string name) => _values.GetValueOrDefault(name) as string;

    public decimal? Number(string name) => _values.GetValueOrDefault(name) as decimal?;

    public DateTime? Date(string name) => _values.GetValueOrDefault(name) as DateTime?;

    public bool? Boolean(string name) => _values.GetValueOrDefault(name) as bool?;

    public IReadOnlyCollection<string> Many(string name) => _values.GetValueOrDefault(name) as IReadOnlyCollection<string> ?? [];

    public void Set(string name, object? value) => _values[name] = value;

    /// <summary>Empty fields are left out, so the engine's own "required" check sees them as missing.</summary>
    public JsonObject ToVariables(IEnumerable<FormField> fields)
    {
        var variables = new JsonObject();
        foreach (var field in fields)
        {
            JsonNode? node = field.Type switch
            {
                FormFieldType.Number => Number(field.Name) is { } number ? JsonValue.Create(number) : null,
                FormFieldType.Date => Date(field.Name) is { } date ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
                FormFieldType.Boolean => Boolean(field.Name) is { } flag ? JsonValue.Create(flag) : null,
                FormFieldType.MultiSelect => Many(field.Name) is { Count: > 0 } items ? new JsonArray([.. items.Select(i => JsonValue.Create(i))]) : null,
                _ => string.IsNullOrWhiteSpace(Text(field.Name)) ? null : JsonValue.Create(Text(field.Name)),
            };
            if (node is not null)
            {
                variables[field.Name] = node;
            }
        }
        return variables;
    }
}
