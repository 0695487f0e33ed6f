using System.Globalization;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Procedures.NormativeDocuments.Catalogue;

/// <summary>One section of the yearly catalogue: a heading and its rows under the fixed headers.</summary>
public sealed record CatalogueSection(string Heading, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The yearly catalogue's shape, shared by the .xlsx and the .docx.</summary>
public static class CatalogueRows
{
    public static readonly IReadOnlyList<string> Headers = ["序号", "文号", "标题", "制定机关", "发布日期", "施行日期", "有效期至", "状态"];

    public static string Title(int year) => $"{year}年度行政规范性文件目录";

    public static string FileName(int year, string extension) => $"{year}年度行政规范性文件目录.{extension}";

    public static IReadOnlyList<CatalogueSection> Sections(int year, IReadOnlyList<NormativeDocument> madeInYear, IReadOnlyList<NormativeDocument> inForce) =>
    [
        new($"一、{year}年制定的行政规范性文件", Rows(madeInYear)),
        new("二、现行有效的行政规范性文件", Rows(inForce)),
    ];

    private static List<IReadOnlyList<string>> Rows(IReadOnlyList<NormativeDocument> documents) =>
        [.. documents.Select((d, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            d.Number ?? "",
            d.Title,
            d.IssuerName,
            Date(d.PublishedOn),
            Date(d.EffectiveOn),
            Date(d.ExpiresOn),
            DocumentStatusNames.ChineseOf(d.Status),
        ])];

    private static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
