using System.Text.RegularExpressions;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>What the public may send as a comment.</summary>
public sealed record CommentSubmission(string? Name, string? Contact, string? Content);

/// <summary>
/// Checks a public comment before anything is stored. Markup is refused rather than stripped: a
/// comment is a legal record, and what the lead unit answers must be exactly what was sent.
/// </summary>
public static partial class CommentRules
{
    public const int MaxNameLength = 100;
    public const int MaxContactLength = 200;

    /// <returns>The problems, each naming its field; empty when the comment may be stored.</returns>
    public static IReadOnlyList<ValidationError> Check(CommentSubmission submission, int maxContentLength)
    {
        var errors = new List<ValidationError>();
        var content = submission.Content;
        if (string.IsNullOrWhiteSpace(content))
        {
            errors.Add(new("content", "意见内容不能为空。"));
        }
        else if (content.Length > maxContentLength)
        {
            errors.Add(new("content", $"意见内容不能超过 {maxContentLength} 字（现为 {content.Length} 字），可分条提交。"));
        }
        else
        {
            CheckText("content", "意见内容", content, multiline: true, errors);
        }
        if (submission.Name is { } name)
        {
            if (name.Length > MaxNameLength)
            {
                errors.Add(new("name", $"姓名或名称不能超过 {MaxNameLength} 字。"));
            }
            else
            {
                CheckText("name", "姓名或名称", name, multiline: false, errors);
            }
        }
        if (submission.Contact is { } contact)
        {
            if (contact.Length > MaxContactLength)
            {
                errors.Add(new("contact", $"联系方式不能超过 {MaxContactLength} 字。"));
            }
            else
            {
                CheckText("contact", "联系方式", contact, multiline: false, errors);
            }
        }
        return errors;
    }

    /// <summary>True when the text holds an HTML/XML tag, comment, processing instruction or character reference.</summary>
    public static bool ContainsMarkup(string text) => Markup().IsMatch(text);

    private static void CheckText(string target, string label, string text, bool multiline, List<ValidationError> errors)
    {
        if (ContainsMarkup(text))
        {
            errors.Add(new(target, $"{label}不接受 HTML 或其他标记（如 <p>、<script>、&nbsp;），请以纯文本提交。"));
        }
        else if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            errors.Add(new(target, multiline ? $"{label}含有控制字符，请以纯文本提交。" : $"{label}须为一行纯文本。"));
        }
    }

    // "<" directly followed by a tag name, "/", "!" or "?" opens markup (closed or not: a browser still reads an
    // unclosed tag); "x < y" and "<<条例>>" stay plain text.
    [GeneratedRegex(@"</?[A-Za-z]|<!|<\?|&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
