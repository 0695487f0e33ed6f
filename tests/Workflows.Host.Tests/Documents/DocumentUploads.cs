using System.Net.Http.Headers;
using System.Text;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Documents;

/// <summary>The host with a small document limit (64 KiB), so size tests need not push megabytes.</summary>
public sealed class SmallDocumentLimitHostFactory : HostFactory
{
    public const int MaxBytes = 64 * 1024;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Workflows:Documents:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

public static class DocumentUploads
{
    public const string ChineseFileName = "关于规范行政裁量权基准的通知（送审稿）.pdf";

    /// <summary>A file that starts like a PDF, of the given size.</summary>
    public static byte[] Pdf(int size = 4096)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>What a Windows executable starts with ("MZ", then the DOS header).</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    /// <summary>A multipart form as HttpClient writes it (the file name also in RFC 5987 <c>filename*</c>).</summary>
    public static MultipartFormDataContent Form(byte[] file, string fileName, string? kind = "draft", string? activityId = null, string? title = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        AddText(form, "kind", kind);
        AddText(form, "activityId", activityId);
        AddText(form, "title", title);
        return form;
    }

    /// <summary>A multipart form as browsers write it: the Chinese file name as raw UTF-8 in <c>filename="…"</c>.</summary>
    public static MultipartFormDataContent BrowserForm(byte[] file, string fileName, string kind)
    {
        var form = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        var content = new ByteArrayContent(file);
        content.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName}\"");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content);
        AddText(form, "kind", kind);
        return form;
    }

    private static void AddText(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }
    }
}
