using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflows.Procedures.AnnualReport;

/// <summary>
/// The draft report as a .docx: the five parts of RULES.md section 3 as headings, the counted
/// figures written into part one and into a closing table, and the passages only people can write
/// marked 【待补充】 for the drafter.
/// </summary>
public static class AnnualReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The usual typefaces of Chinese government documents; Word substitutes where one is missing.</summary>
    private const string BodyFont = "仿宋";
    private const string HeadingFont = "黑体";
    private const string TitleFont = "宋体";
    private const string ToComplete = "【待补充】";

    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"{year}年度法治政府建设情况报告（初稿）.docx");

    public static string Title(string unitName, int year) => string.Create(CultureInfo.InvariantCulture, $"{unitName}关于{year}年度法治政府建设情况的报告");

    public static byte[] Write(string unitName, AnnualReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(Title(unitName, figures.Year), TitleFont, 44, bold: true, center: true));
            body.Append(Paragraph($"（系统根据{Day(figures.CountedAt)}的办理记录统计生成，供起草参考）", BodyFont, 24, center: true));
            foreach (var (heading, paragraphs) in Parts(figures))
            {
                body.Append(Paragraph(heading, HeadingFont, 32));
                foreach (var text in paragraphs)
                {
                    body.Append(Paragraph(text, BodyFont, 32, indent: true));
                }
            }
            body.Append(Paragraph("附表：年度办理数据（系统自动统计）", HeadingFont, 32));
            body.Append(Table(["项目", "数量"], FigureRows(figures)));
            if (figures.OverdueByUnit.Count > 0)
            {
                body.Append(Paragraph("附表：各单位逾期办理和督办情况", HeadingFont, 32));
                body.Append(Table(["单位", "逾期办理事项", "督办"],
                    [.. figures.OverdueByUnit.Select(u => (IReadOnlyList<string>)[u.UnitName, N(u.OverdueTasks), N(u.Escalations)])]));
            }
            // A4 portrait with the margins of GB/T 9704 (official documents): 37 mm top, 28 mm left.
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static IEnumerable<(string Heading, IReadOnlyList<string> Paragraphs)> Parts(AnnualReportFigures f)
    {
        var d = f.Decisions;
        var l = f.LegalityReviews;
        var n = f.NormativeDocuments;
        yield return (AnnualReportSteps.Parts[0],
        [
            $"（一）严格落实重大行政决策程序。全年登记重大行政决策事项{N(d.Proposed)}件，决策机关决定启动{N(d.Started)}件，经集体讨论决定通过{N(d.Decided)}件，公布{N(d.Published)}件。"
                + $"履行公众参与程序{N(d.PublicParticipation)}件，举行听证{N(d.Hearing)}件，开展专家论证{N(d.ExpertConsultation)}件，开展风险评估{N(d.RiskAssessment)}件，完成合法性审查{N(d.LegalityReview)}件。",
            $"（二）严格落实合法性审查。全年出具合法性审查（审核）意见{N(l.Total)}件，其中重大行政决策{N(l.DecisionReviews)}件、行政规范性文件{N(l.DocumentReviews)}件；"
                + $"应审查事项{N(l.Subjects)}件，已审查{N(l.Reviewed)}件，合法性审查率{Rate(l.Rate)}。",
            $"（三）加强行政规范性文件管理。严格执行统一登记、统一编号、统一发布制度，全年登记行政规范性文件{N(n.Registered)}件，发布{N(n.Published)}件；"
                + $"按期报送备案{N(n.FiledOnTime)}件，逾期报送备案{N(n.FiledLate)}件，尚未完成备案{N(n.NotFiled)}件；有效期届满失效{N(n.Expired)}件。",
            $"（四）加强督办落实。全年逾期办理事项{N(f.OverdueTasks)}件，启动督办{N(f.Escalations)}件。",
            $"（五）其他举措和成效。{ToComplete}",
        ]);
        var shortcomings = new List<string>();
        if (l.Rate is { } rate && rate < 100m)
        {
            shortcomings.Add($"合法性审查尚未全覆盖：应审查事项{N(l.Subjects)}件中有{N(l.Subjects - l.Reviewed)}件未经合法性审查。");
        }
        if (n.FiledLate + n.NotFiled > 0)
        {
            shortcomings.Add($"规范性文件备案不够及时：逾期报送备案{N(n.FiledLate)}件，尚未完成备案{N(n.NotFiled)}件。");
        }
        if (f.OverdueTasks > 0)
        {
            shortcomings.Add($"部分事项未按期办结：逾期办理事项{N(f.OverdueTasks)}件，涉及{string.Join("、", f.OverdueByUnit.Where(u => u.OverdueTasks > 0).Select(u => u.UnitName))}。");
        }
        shortcomings.Add($"存在问题的原因分析：{ToComplete}");
        yield return (AnnualReportSteps.Parts[1], shortcomings);
        yield return (AnnualReportSteps.Parts[2],
        [
            $"党政主要负责人履行推进法治建设第一责任人职责，研究部署法治政府建设工作、带头学法用法、年终述法等情况：{ToComplete}",
        ]);
        yield return (AnnualReportSteps.Parts[3],
        [
            string.Create(CultureInfo.InvariantCulture, $"{f.Year + 1}年推进法治政府建设的主要安排：{ToComplete}"),
        ]);
        yield return (AnnualReportSteps.Parts[4],
        [
            $"行政复议、行政应诉（含行政机关负责人出庭应诉）、信访办理等其他需要报告的情况：{ToComplete}",
        ]);
    }

    private static List<IReadOnlyList<string>> FigureRows(AnnualReportFigures f) =>
    [
        ["重大行政决策事项登记", N(f.Decisions.Proposed)],
        ["决定启动决策程序", N(f.Decisions.Started)],
        ["集体讨论决定通过", N(f.Decisions.Decided)],
        ["决策公布", N(f.Decisions.Published)],
        ["履行公众参与程序", N(f.Decisions.PublicParticipation)],
        ["举行听证", N(f.Decisions.Hearing)],
        ["开展专家论证", N(f.Decisions.ExpertConsultation)],
        ["开展风险评估", N(f.Decisions.RiskAssessment)],
        ["重大行政决策合法性审查", N(f.Decisions.LegalityReview)],
        ["合法性审查（审核）意见", N(f.LegalityReviews.Total)],
        ["合法性审查率", Rate(f.LegalityReviews.Rate)],
        ["规范性文件登记", N(f.NormativeDocuments.Registered)],
        ["规范性文件发布", N(f.NormativeDocuments.Published)],
        ["规范性文件按期备案", N(f.NormativeDocuments.FiledOnTime)],
        ["规范性文件逾期备案", N(f.NormativeDocuments.FiledLate)],
        ["规范性文件未完成备案", N(f.NormativeDocuments.NotFiled)],
        ["规范性文件失效", N(f.NormativeDocuments.Expired)],
        ["逾期办理事项", N(f.OverdueTasks)],
        ["督办", N(f.Escalations)],
    ];

    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—（无应审查事项）";

    private static string Day(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static Table Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var name in headers)
        {
            header.Append(new TableCell(Paragraph(name, HeadingFont, 24, center: true)));
        }
        table.Append(header);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(value => new TableCell(Paragraph(value, BodyFont, 24)))));
        }
        return table;
    }

    private static Paragraph Paragraph(string text, string font, int size, bool bold = false, bool center = false, bool indent = false)
    {
        // Schema order: fonts, then bold, then size.
        var runProperties = new RunProperties(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }
        runProperties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        var paragraph = new Paragraph(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }
        else if (indent)
        {
            // Two characters' first-line indent, as Chinese body text is set.
            paragraph.PrependChild(new ParagraphProperties(new Indentation { FirstLineChars = 200 }));
        }
        return paragraph;
    }
}
