using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflows.Procedures.MajorDecisions.Persistence;

namespace Workflows.Procedures.MajorDecisions.Catalogue;

/// <summary>The catalogue as the .xlsx a government office publishes: the matters, then every adjustment with its reason.</summary>
public sealed class CatalogueSpreadsheet(IUnitDirectory units)
{
    public async Task<byte[]> WriteAsync(CatalogueView view, CancellationToken cancellationToken)
    {
        var unitNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        async Task<string> UnitAsync(string code)
        {
            if (!unitNames.TryGetValue(code, out var name))
            {
                unitNames[code] = name = await units.NameOfAsync(code, cancellationToken) ?? code;
            }
            return name;
        }

        var catalogue = view.Catalogue;
        var body = await UnitAsync(catalogue.DecisionBody);
        var itemRows = new List<string?[]>
        {
            new[] { $"{body}{catalogue.Year}年度重大行政决策事项目录" },
            new[] { catalogue.Status == CatalogueStatus.Published
                ? $"经同级党委同意（{catalogue.PartyCommitteeAgreedOn:yyyy-MM-dd}），{catalogue.PublishedOn:yyyy-MM-dd}公布"
                : "草案（尚未公布）" },
            new[] { "序号", "决策事项名称", "承办单位", "法律政策依据", "计划完成时间", "状态", "备注" },
        };
        foreach (var item in view.Items)
        {
            itemRows.Add([item.Number.ToString(CultureInfo.InvariantCulture), item.Title, await UnitAsync(item.LeadUnit), item.LegalBasis,
                item.PlannedCompletion, item.Removed ? "已调出" : "在目录中", item.Remarks]);
        }
        var changeRows = new List<string?[]> { new[] { "时间", "操作", "事项序号", "理由", "集体讨论决定", "操作人" } };
        var numbers = view.Items.ToDictionary(i => i.Id, i => i.Number.ToString(CultureInfo.InvariantCulture));
        foreach (var change in view.Changes)
        {
            changeRows.Add([
                change.ChangedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                ActionName(change.Action),
                change.ItemId is { } id ? numbers.GetValueOrDefault(id) : null,
                change.Reason,
                change.MeetingType is null ? null : $"{(change.MeetingType == "plenary" ? "全体会议" : "常务会议")} {change.MeetingDate:yyyy-MM-dd} {change.MeetingReference}".Trim(),
                change.ChangedBy,
            ]);
        }
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddSheet(workbook, 1, "事项目录", itemRows);
            AddSheet(workbook, 2, "调整记录", changeRows);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string ActionName(string action) => action switch
    {
        "create" => "编制",
        "add" => "增加事项",
        "modify" => "调整事项",
        "remove" => "调出事项",
        "publish" => "公布",
        _ => action,
    };

    private static void AddSheet(WorkbookPart workbook, uint id, string name, IEnumerable<string?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint rowIndex = 1;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var column = 0; column < values.Length; column++)
            {
                // Inline strings keep the file self-contained without a shared-string table.
                row.Append(new Cell
                {
                    CellReference = $"{(char)('A' + column)}{rowIndex}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(values[column] ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                });
            }
            data.Append(row);
            rowIndex++;
        }
        part.Worksheet = new Worksheet(data);
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }
}
