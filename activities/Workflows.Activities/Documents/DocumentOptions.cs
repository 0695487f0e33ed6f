namespace Workflows.Activities.Documents;

public sealed class DocumentOptions
{
    public const string Section = "Workflows:Documents";

    /// <summary>Largest file accepted, in bytes (20 MiB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// File types government offices exchange: PDF and OFD (the national fixed-layout format),
    /// Office and WPS documents, images of signed pages, plain text.
    /// </summary>
    public List<string> AllowedExtensions { get; set; } =
        [".pdf", ".ofd", ".docx", ".doc", ".xlsx", ".xls", ".wps", ".et", ".png", ".jpg", ".jpeg", ".txt", ".zip"];
}
