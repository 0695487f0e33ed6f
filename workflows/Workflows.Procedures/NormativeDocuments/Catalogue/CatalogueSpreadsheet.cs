using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workflows.Procedures.NormativeDocuments.Catalogue;

/// <summary>The catalogue as an .xlsx workbook: one sheet per section, bold headers, text cells (文号 and dates stay as written).</summary>
public static class CatalogueSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;

    public static byte[] Write(string title, IReadOnlyList<CatalogueSection> sections)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var section in sections)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(1, [title], style: HeaderStyle));
                data.Append(Row(2, [section.Heading], style: HeaderStyle));
                data.Append(Row(3, CatalogueRows.Headers, style: HeaderStyle));
                uint rowIndex = 4;
                foreach (var row in section.Rows)
                {
                    data.Append(Row(rowIndex++, row));
                }
                sheetPart.Worksheet = new Worksheet(Columns(), data);
                sheets.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(sheetPart),
                    SheetId = sheetId,
                    // Sheet names are at most 31 characters and may not contain some punctuation.
                    Name = sheetId == 1 ? "当年制定" : "现行有效",
                });
                sheetId++;
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<string> values, uint style = 0)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in values)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(column++) + index,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
                StyleIndex = style == 0 ? null : style,
            });
        }
        return row;
    }

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();

    private static Columns Columns()
    {
        double[] widths = [6, 22, 48, 20, 12, 12, 12, 14];
        var columns = new Columns();
        for (var i = 0; i < widths.Length; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        }
        return columns;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
