using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflows.Host.Tests.AnnualReport;

/// <summary>Reads a downloaded draft with OpenXml, as Word would open it.</summary>
public static class AnnualReportDocx
{
    public static readonly string[] Parts =
    [
        "一、主要举措和成效",
        "二、存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、下一年度推进法治政府建设的主要安排",
        "五、其他需要报告的情况",
    ];

    /// <summary>Every paragraph's text, table cells included, in document order.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return [.. document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
    }

    /// <summary>The figures table: label to value.</summary>
    public static Dictionary<string, string> FigureTable(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        return table.Elements<TableRow>().Skip(1)
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())
            .ToDictionary(cells => cells[0], cells => cells[1]);
    }

    /// <summary>The five parts, each exactly once and in order.</summary>
    public static void AssertFiveParts(IReadOnlyList<string> paragraphs)
    {
        var positions = Parts.Select(p => paragraphs.ToList().FindIndex(x => x == p)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, $"missing part; paragraphs: {string.Join(" | ", paragraphs)}"));
        Assert.Equal(positions.Order(), positions);
        Assert.All(Parts, p => Assert.Single(paragraphs, x => x == p));
    }
}
