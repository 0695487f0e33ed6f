using Workflows.Engine.Runtime;

namespace Workflows.Procedures.NormativeDocuments.Register;

/// <summary>Collects every fault of a request, each naming its field, and refuses the request as a whole.</summary>
internal sealed class InputErrors
{
    private readonly List<ValidationError> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string target, string message) => _errors.Add(new ValidationError(target, message));

    /// <summary>Trimmed text of 1 to <paramref name="max"/> characters, or null after recording why not.</summary>
    public string? Text(string target, string? value, int max, string what)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Add(target, $"请填写{what}。");
            return null;
        }
        if (text.Length > max)
        {
            Add(target, $"{what}不得超过 {max} 个字符。");
            return null;
        }
        return text;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new WorkflowValidationException(string.Join(" ", _errors.Select(e => e.Message)), [.. _errors]);
        }
    }

    public static WorkflowValidationException One(string target, string message) => new(message, [new ValidationError(target, message)]);
}
