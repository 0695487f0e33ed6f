using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflows.Procedures.NormativeDocuments.Catalogue;

/// <summary>The catalogue as a .docx: the title, then each section as a bordered table whose header row repeats on every page.</summary>
public static class CatalogueWordDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The usual typeface of Chinese government documents; Word substitutes where it is missing.</summary>
    private const string ChineseFont = "宋体";

    public static byte[] Write(string title, IReadOnlyList<CatalogueSection> sections)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(title, bold: true, size: 32, center: true));
            foreach (var section in sections)
            {
                body.Append(Paragraph(section.Heading, bold: true, size: 28));
                body.Append(Table(section.Rows));
            }
            // Landscape A4: eight columns need the width.
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var name in CatalogueRows.Headers)
        {
            header.Append(new TableCell(Paragraph(name, bold: true, size: 21, center: true)));
        }
        table.Append(header);
        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            foreach (var value in row)
            {
                tableRow.Append(new TableCell(Paragraph(value, bold: false, size: 21)));
            }
            table.Append(tableRow);
        }
        return table;
    }

    private static Paragraph Paragraph(string text, bool bold, int size, bool center = false)
    {
        // Schema order: fonts, then bold, then size.
        var runProperties = new RunProperties(new RunFonts { EastAsia = ChineseFont, Ascii = ChineseFont, HighAnsi = ChineseFont });
        if (bold)
        {
            runProperties.Append(new Bold());
        }
        runProperties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var paragraph = new Paragraph(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }
        return paragraph;
    }
}
